package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;
import dev.tensorloom.execution.op.OpContext;

/** Dropout through the engine's generator, active only while training, so recomputation redraws the same mask. */
final class Dropouts {
    private Dropouts() {
    }

    static NDArray apply(OpContext ctx, NDArray x, double rate) {
        if (!ctx.training() || rate <= 0) {
            return x;
        }
        return Dropout.dropout(x, (float) rate, true).singletonOrThrow();
    }
}
