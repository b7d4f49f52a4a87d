package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * Global gradient-norm clipping as in {@code torch.nn.utils.clip_grad_norm_}: the norm is taken over all
 * gradients together, and when it exceeds {@code maxNorm} every gradient is scaled by
 * {@code maxNorm / (norm + 1e-6)}.
 */
public final class GradientClipper {
    private GradientClipper() {
    }

    /** The L2 norm of all gradients together. */
    public static double globalNorm(List<NDArray> gradients) {
        double sum = 0;
        for (double sq : squaredNorms(gradients)) {
            sum += sq;
        }
        return Math.sqrt(sum);
    }

    /**
     * The squared L2 norm of each gradient, in order, copied to the host once for all of them: one
     * synchronisation per step instead of one per parameter tensor. Each value is still reduced over its
     * own tensor in float64, so it is bit-identical to reading that tensor's norm on its own.
     */
    static double[] squaredNorms(List<NDArray> gradients) {
        if (gradients.isEmpty()) {
            return new double[0];
        }
        NDList squares = new NDList(gradients.size());
        for (NDArray g : gradients) {
            squares.add(squaredNormArray(g));
        }
        return NDArrays.stack(squares).toDoubleArray();
    }

    private static NDArray squaredNormArray(NDArray g) {
        return g.toType(DataType.FLOAT64, false).square().sum();
    }

    /** The factor to multiply every gradient by (1 when no clipping is needed or {@code maxNorm <= 0}). */
    public static double scale(double norm, double maxNorm) {
        if (maxNorm <= 0 || norm <= maxNorm) {
            return 1.0;
        }
        return maxNorm / (norm + 1e-6);
    }
}
