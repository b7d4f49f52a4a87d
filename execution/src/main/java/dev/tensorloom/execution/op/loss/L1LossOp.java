package dev.tensorloom.execution.op.loss;

import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;

/** The {@code l1_loss}: mean of |pred − target| over every element. */
public final class L1LossOp implements BlockOp {
    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        return new NDList(inputs.get(0).sub(inputs.get(1)).abs().mean());
    }
}
