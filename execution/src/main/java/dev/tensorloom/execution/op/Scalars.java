package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Libtorch-owned 0-dim scalars for arithmetic on arrays that may carry a gradient.
 *
 * <p>DJL's {@code mul/div/pow/maximum(Number)} wrap the number in a tensor over a direct buffer that
 * only the closed Java object keeps alive; autograd saves that tensor for backward, so a GC between
 * forward and backward can free it and corrupt the gradient. {@code NDManager.full} allocates the
 * scalar in libtorch, so the saved tensor owns its storage.
 */
public final class Scalars {
    private Scalars() {}

    /** A 0-dim array of {@code like}'s dtype and device holding {@code value}. */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType(), like.getDevice());
    }

    /** As {@link #of(NDArray, double)}, but attached to {@code manager}. */
    public static NDArray of(NDManager manager, NDArray like, double value) {
        return manager.full(new Shape(), (float) value, like.getDataType(), like.getDevice());
    }
}
