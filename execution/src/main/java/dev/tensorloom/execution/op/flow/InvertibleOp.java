package dev.tensorloom.execution.op.flow;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;

/**
 * A normalizing-flow step: {@link #forward} maps {@code x [B, D]} to {@code z [B, D]} and
 * {@code logdet [B]} (log |det ∂z/∂x|); {@link #inverse} maps z back to x, used for sampling by running
 * the flow's steps in reverse order from Gaussian noise.
 */
public interface InvertibleOp extends BlockOp {
    /** The x with {@code forward(x).z == z}, using the same parameters. */
    NDArray inverse(OpContext ctx, NDArray z);
}
