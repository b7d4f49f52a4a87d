package dev.tensorloom.execution.op.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;

/** Learnable per-feature log-scale s: {@code z = x·exp(s)}, log-determinant {@code Σ s}; starts at s = 0. */
public final class DiagScaleOp implements InvertibleOp {
    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        init.parameter("log_scale", new Shape(inputShapes[0].get(1)), Initializer.ZEROS);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        NDArray s = local(ctx, "log_scale");
        return new NDList(x.mul(s.exp()), x.get(new NDIndex(":, 0")).zerosLike().add(s.sum()));
    }

    @Override
    public NDArray inverse(OpContext ctx, NDArray z) {
        return z.mul(local(ctx, "log_scale").neg().exp());
    }

    /** The parameter as the first operand of a node-local product, so derived arrays land in the node's manager. */
    private static NDArray local(OpContext ctx, String name) {
        NDArray p = ctx.param(name);
        return Scalars.of(ctx.manager(), p, 1f).mul(p);
    }
}
