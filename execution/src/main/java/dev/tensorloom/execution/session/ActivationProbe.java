package dev.tensorloom.execution.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.tensorloom.execution.session.view.Points;
import java.util.ArrayList;
import java.util.List;

/** Statistics and strided previews of tensors, computed on the device so only the small results are copied. */
public final class ActivationProbe {
    private ActivationProbe() {
    }

    public static ActivationStats stats(NDArray array) {
        NDArray a = array.toType(DataType.FLOAT64, false);
        long n = a.size();
        if (n == 0) {
            return new ActivationStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
        }
        // The mean as a float64 array, so that centring subtracts exactly the reported mean.
        NDArray meanArray = a.mean();
        double mean = meanArray.getDouble();
        double std = n > 1 ? a.sub(meanArray).square().sum().getDouble() / (n - 1) : 0;
        long nans = a.isNaN().toType(DataType.INT64, false).sum().getLong();
        long infs = a.isInfinite().toType(DataType.INT64, false).sum().getLong();
        long zeros = a.eq(0).toType(DataType.INT64, false).sum().getLong();
        return new ActivationStats(mean, Math.sqrt(std), a.min().getDouble(), a.max().getDouble(),
                (double) zeros / n, nans, infs);
    }

    /** The tensor viewed as a matrix (leading dimensions flattened into rows), sampled to at most 64 × 64. */
    public static Preview preview(NDArray array) {
        long[] shape = array.getShape().getShape();
        long cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        long rows = cols == 0 ? 0 : array.size() / cols;
        return sample(array.reshape(rows, cols), shape);
    }

    /**
     * What the activation heatmap shows: one example of a batch of sequences ([B, T, D] → [T, D]), one
     * channel of one example of a batch of images ([B, C, H, W] → [H, W]), higher ranks flattened after the
     * example; a [B, D] tensor shows the whole batch. Indices are clamped with {@link #clamp}.
     */
    public static Preview preview(NDArray array, int example, int channel) {
        long[] shape = array.getShape().getShape();
        if (shape.length < 3) {
            return preview(array);
        }
        NDArray a = array.get(clamp(example, shape[0]));
        if (shape.length == 4) {
            a = a.get(clamp(channel, shape[1]));
        }
        long cols = shape[shape.length - 1];
        long rows = cols == 0 ? 0 : a.size() / cols;
        return sample(a.reshape(rows, cols), shape);
    }

    /** {@code index} kept within {@code [0, size − 1]} (0 for an empty dimension). */
    public static int clamp(int index, long size) {
        return (int) Math.max(0, Math.min(index, size - 1));
    }

    /** A published view: index 0 of every leading dimension until two remain (first example, first head). */
    public static Preview viewPreview(NDArray array) {
        long[] shape = array.getShape().getShape();
        NDArray a = array;
        while (a.getShape().dimension() > 2) {
            a = a.get(0);
        }
        if (a.getShape().dimension() < 2) {
            return preview(a);
        }
        return sample(a, shape);
    }

    /** Most heads copied out of one attention map; more would not fit a view anyway. */
    public static final int MAX_HEADS = 16;

    /**
     * Every head of one example of attention weights [B, heads, T, T] (a [B, T, T] map counts as one
     * head), each previewed; {@code example} is clamped to the batch.
     */
    public static List<Preview> heads(NDArray weights, int example) {
        long[] shape = weights.getShape().getShape();
        if (shape.length < 3) {
            return List.of(viewPreview(weights));
        }
        NDArray a = weights.get(Math.min(example, shape[0] - 1));
        while (a.getShape().dimension() > 3) {
            a = a.get(0);
        }
        if (a.getShape().dimension() == 2) {
            return List.of(sample(a, shape));
        }
        int heads = (int) Math.min(MAX_HEADS, a.getShape().get(0));
        List<Preview> out = new ArrayList<>(heads);
        for (int h = 0; h < heads; h++) {
            out.add(sample(a.get(h), shape));
        }
        return out;
    }

    /** The first two features of up to {@code limit} rows of a [rows, …] tensor (features flattened). */
    public static Points firstTwo(NDArray array, int limit) {
        long[] shape = array.getShape().getShape();
        if (shape.length == 0 || shape[0] == 0) {
            return new Points(new float[0]);
        }
        long rows = Math.min(limit, shape[0]);
        NDArray matrix = array.get(new NDIndex("0:{}", rows)).reshape(rows, -1);
        long dims = matrix.getShape().get(1);
        NDArray kept = matrix.get(new NDIndex(":, 0:{}", Math.min(2, dims)));
        return Points.firstTwo(kept.toType(DataType.FLOAT32, false).toFloatArray(), (int) Math.min(2, dims),
                (int) rows);
    }

    private static Preview sample(NDArray matrix, long[] fullShape) {
        long rows = matrix.getShape().get(0);
        long cols = matrix.getShape().get(1);
        long rowStride = Math.max(1, (rows + Preview.MAX_SIDE - 1) / Preview.MAX_SIDE);
        long colStride = Math.max(1, (cols + Preview.MAX_SIDE - 1) / Preview.MAX_SIDE);
        NDArray sampled = matrix.get(new NDIndex("::{}, ::{}", rowStride, colStride));
        int r = (int) sampled.getShape().get(0);
        int c = (int) sampled.getShape().get(1);
        float[] values = sampled.toType(DataType.FLOAT32, false).toFloatArray();
        return new Preview(fullShape, r, c, values);
    }
}
