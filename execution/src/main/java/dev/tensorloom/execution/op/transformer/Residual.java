package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.op.OpContext;
import java.util.function.UnaryOperator;

/** A sub-layer wrapped with a residual connection and LayerNorm, before (pre) or after (post) the sum. */
final class Residual {
    private Residual() {
    }

    /** pre: x + f(LN(x)); post: LN(x + f(x)). */
    static NDArray apply(OpContext ctx, boolean preNorm, LayerNormLayer norm, NDArray x, UnaryOperator<NDArray> f) {
        return preNorm ? x.add(f.apply(norm.forward(ctx, x))) : norm.forward(ctx, x.add(f.apply(x)));
    }
}
