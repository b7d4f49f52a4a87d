package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;

/** LayerNorm over the last dimension with a learnable gain (ones) and bias (zeros), eps 1e-5 as in PyTorch. */
public final class LayerNormLayer {
    static final float EPS = 1e-5f;
    private final String prefix;
    private final int width;

    public LayerNormLayer(String prefix, int width) {
        this.prefix = prefix;
        this.width = width;
    }

    public void initialize(ParameterInit init) {
        init.parameter(TransformerInit.scoped(prefix, "gamma"), new Shape(width), Initializer.ONES);
        init.parameter(TransformerInit.scoped(prefix, "beta"), new Shape(width), Initializer.ZEROS);
    }

    public NDArray forward(OpContext ctx, NDArray x) {
        return LayerNorm.layerNorm(x, new Shape(width), ctx.param(TransformerInit.scoped(prefix, "gamma")),
                ctx.param(TransformerInit.scoped(prefix, "beta")), EPS).singletonOrThrow();
    }
}
