package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * The DJL implementation of one node of a graph. The executor calls {@link #initialize} once with the
 * concrete input shapes of the first batch, then {@link #forward} for every forward pass and every
 * recomputation under checkpointing. Backward is autograd over what forward built.
 *
 * <p>Rules that keep memory honest and checkpointing exact:
 * <ul>
 *   <li>DJL puts an op's result in the manager of its first operand. Write {@code x.matMul(w)} with an
 *       input first, or create constants with {@link OpContext#manager()}, so intermediates land in
 *       the node's own sub-manager (the executor also sweeps strays, but do not rely on it).</li>
 *   <li>Random ops (dropout) use the engine's generator; the executor reseeds it before each node so a
 *       recomputation draws the same numbers.</li>
 *   <li>State updates (BatchNorm running statistics) are skipped when {@link OpContext#recomputing()}.</li>
 * </ul>
 */
public interface BlockOp {

    /** Creates trainable parameters and buffers for the given input shapes (input-port order; null for an unconnected optional input). */
    default void initialize(ParameterInit init, Shape[] inputShapes) {
    }

    /**
     * Computes the outputs, in the block type's output-port order, from the inputs, in its input-port
     * order (an unconnected optional input is {@code null}).
     */
    NDList forward(OpContext ctx, NDList inputs);
}
