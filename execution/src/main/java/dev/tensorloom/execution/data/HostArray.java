package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.Arrays;

/**
 * A tensor held in plain Java arrays (row-major), so datasets can be generated and tested without
 * DJL. Exactly one of {@code floats} (FLOAT32) and {@code longs} (INT64) is set.
 */
public final class HostArray {
    private final DType dtype;
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private HostArray(DType dtype, long[] shape, float[] floats, long[] longs) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.floats = floats;
        this.longs = longs;
        long n = elementCount(shape);
        long actual = floats != null ? floats.length : longs.length;
        if (n != actual) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " elements, got " + actual);
        }
    }

    /** A float32 tensor over {@code data} (not copied). */
    public static HostArray ofFloats(float[] data, long... shape) {
        return new HostArray(DType.FLOAT32, shape, data, null);
    }

    /** An int64 tensor over {@code data} (not copied). */
    public static HostArray ofLongs(long[] data, long... shape) {
        return new HostArray(DType.INT64, shape, null, data);
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    public int rank() {
        return shape.length;
    }

    /** The float32 elements (live view); throws for int64 arrays. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("int64 array has no float data");
        }
        return floats;
    }

    /** The int64 elements (live view); throws for float32 arrays. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("float32 array has no int64 data");
        }
        return longs;
    }

    public int size() {
        return floats != null ? floats.length : longs.length;
    }

    static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostArray h && dtype == h.dtype && Arrays.equals(shape, h.shape)
                && Arrays.equals(floats, h.floats) && Arrays.equals(longs, h.longs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + (floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(longs));
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
