package dev.tensorloom.execution.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

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
