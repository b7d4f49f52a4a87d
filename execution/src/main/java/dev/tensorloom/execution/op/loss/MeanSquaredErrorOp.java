package dev.tensorloom.execution.op.loss;

import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;

/** The {@code mse} and {@code rf_velocity_mse} losses: mean of (pred − target)² over every element. */
public final class MeanSquaredErrorOp implements BlockOp {
    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        return new NDList(inputs.get(0).sub(inputs.get(1)).square().mean());
    }
}
