package dev.tensorloom.execution.op.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dev.tensorloom.execution.op.OpContext;

/** Reverses the feature order (a permutation, so log-determinant 0); its own inverse. */
public final class ReversePermOp implements InvertibleOp {
    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        return new NDList(x.flip(1), x.get(new NDIndex(":, 0")).zerosLike());
    }

    @Override
    public NDArray inverse(OpContext ctx, NDArray z) {
        return z.flip(1);
    }
}
