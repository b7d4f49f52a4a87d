package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
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
        for (NDArray g : gradients) {
            sum += squaredNorm(g);
        }
        return Math.sqrt(sum);
    }

    static double squaredNorm(NDArray g) {
        return g.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).square().sum().getDouble();
    }

    /** The factor to multiply every gradient by (1 when no clipping is needed or {@code maxNorm <= 0}). */
    public static double scale(double norm, double maxNorm) {
        if (maxNorm <= 0 || norm <= maxNorm) {
            return 1.0;
        }
        return maxNorm / (norm + 1e-6);
    }
}
