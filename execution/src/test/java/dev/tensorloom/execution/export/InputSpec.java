package dev.tensorloom.execution.export;

import dev.tensorloom.execution.data.HostArray;
import java.util.Arrays;
import java.util.Random;

/**
 * One input of a block case: its shape and what kind of values it holds, generated from a seed so the
 * same case gives the same numbers in every run.
 */
record InputSpec(long[] shape, Kind kind, double bound) {

    /** What the values are. */
    enum Kind {
        /** Standard normal floats. */
        NORMAL,
        /** Floats uniform in (0, bound): scales, probabilities, times. */
        UNIFORM,
        /** int64 class indices in [0, bound). */
        INDICES,
        /** Boxes (cx, cy, w, h) as floats in the unit square, last dimension 4. */
        BOXES
    }

    static InputSpec normal(long... shape) {
        return new InputSpec(shape, Kind.NORMAL, 1);
    }

    static InputSpec uniform(double bound, long... shape) {
        return new InputSpec(shape, Kind.UNIFORM, bound);
    }

    static InputSpec indices(int classes, long... shape) {
        return new InputSpec(shape, Kind.INDICES, classes);
    }

    static InputSpec boxes(long... shape) {
        return new InputSpec(shape, Kind.BOXES, 1);
    }

    boolean isInteger() {
        return kind == Kind.INDICES;
    }

    /** The shape as the input block's {@code shape} parameter, e.g. {@code [B, 5, 8]} with B the first dimension. */
    String symbolic() {
        StringBuilder b = new StringBuilder("[B");
        for (int i = 1; i < shape.length; i++) {
            b.append(", ").append(shape[i]);
        }
        return b.append(']').toString();
    }

    HostArray generate(Random r) {
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
        if (kind == Kind.INDICES) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt((int) bound);
            }
            return HostArray.ofLongs(v, shape);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case NORMAL -> (float) r.nextGaussian();
                case UNIFORM -> (float) (bound * (0.05 + 0.9 * r.nextDouble()));
                case BOXES -> boxValue(r, i % 4);
                default -> throw new IllegalStateException();
            };
        }
        return HostArray.ofFloats(v, shape);
    }

    /** Centres in [0.25, 0.75], sizes in [0.1, 0.4]: boxes that stay inside the unit square. */
    private static float boxValue(Random r, int coordinate) {
        return (float) (coordinate < 2 ? 0.25 + 0.5 * r.nextDouble() : 0.1 + 0.3 * r.nextDouble());
    }
}
