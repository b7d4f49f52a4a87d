package dev.tensorloom.execution.op.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;

/**
 * Glow's activation normalisation: {@code z = x·scale + bias} per feature, log-determinant
 * {@code Σ log|scale|}. Starts as the identity (scale 1, bias 0); Glow's data-dependent initialisation
 * (unit variance on the first batch) is not done, because parameters are owned by the executor and a
 * forward pass must not rewrite them.
 */
public final class ActNormOp implements InvertibleOp {
    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        long d = inputShapes[0].get(1);
        init.parameter("scale", new Shape(d), Initializer.ONES);
        init.parameter("bias", new Shape(d), Initializer.ZEROS);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        NDArray scale = ctx.param("scale");
        NDArray z = x.mul(scale).add(ctx.param("bias"));
        NDArray logdet = x.get(new NDIndex(":, 0")).zerosLike().add(local(ctx, "scale").abs().log().sum());
        return new NDList(z, logdet);
    }

    @Override
    public NDArray inverse(OpContext ctx, NDArray z) {
        return z.sub(ctx.param("bias")).div(ctx.param("scale"));
    }

    /** The parameter as the first operand of a node-local product, so derived arrays land in the node's manager. */
    private static NDArray local(OpContext ctx, String name) {
        NDArray p = ctx.param(name);
        return Scalars.of(ctx.manager(), p, 1f).mul(p);
    }
}
