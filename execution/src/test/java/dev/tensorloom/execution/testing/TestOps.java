package dev.tensorloom.execution.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.NormalInitializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;

/**
 * The DJL ops of the shared test blocks ({@link dev.tensorloom.model.testing.TestBlocks}), for executor
 * tests that should not depend on the real block families. {@code lin} stores its weight as [out, in] and
 * multiplies by its transpose, which makes DJL put the transpose in the parameter manager: the executor has
 * to sweep it.
 */
public final class TestOps {
    private TestOps() {
    }

    /**
     * Ops for the test blocks a plan can run: {@code lin}, {@code relu}, {@code tanh}, {@code layernorm},
     * {@code dropout}, {@code add}, {@code split2}, {@code const}, {@code divzero} and {@code mse}.
     */
    public static OpRegistry ops() {
        OpRegistry r = new OpRegistry();
        r.register("lin", p -> new Linear(p.getInt("out_features")));
        r.register("relu", p -> (ctx, in) -> new NDList(in.get(0).getNDArrayInternal().relu()));
        r.register("tanh", p -> (ctx, in) -> new NDList(in.get(0).tanh()));
        r.register("layernorm", p -> new LayerNorm());
        r.register("dropout", p -> new Dropout((float) p.getDouble("p")));
        r.register("add", p -> (ctx, in) -> new NDList(in.get(0).add(in.get(1))));
        r.register("split2", p -> (ctx, in) -> in.get(0).split(2, 1));
        r.register("const", p -> (ctx, in) -> new NDList(ctx.manager().ones(in.get(0).getShape())));
        r.register("divzero", p -> (ctx, in) -> new NDList(in.get(0).div(Scalars.of(in.get(0), 0f))));
        r.register("mse", p -> (ctx, in) -> new NDList(in.get(0).sub(in.get(1)).square().mean()));
        return r;
    }

    /** y = x W^T + b with W of shape [out, in]. */
    static final class Linear implements BlockOp {
        private final int out;

        Linear(int out) {
            this.out = out;
        }

        @Override
        public void initialize(ParameterInit init, Shape[] inputShapes) {
            long in = inputShapes[0].get(inputShapes[0].dimension() - 1);
            init.parameter("weight", new Shape(out, in), new NormalInitializer(0.5f));
            init.parameter("bias", new Shape(out), new NormalInitializer(0.1f));
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray wt = ctx.param("weight").transpose();
            return new NDList(inputs.get(0).matMul(wt).add(ctx.param("bias")));
        }
    }

    /** Normalises the last dimension, then scales and shifts. */
    static final class LayerNorm implements BlockOp {
        @Override
        public void initialize(ParameterInit init, Shape[] inputShapes) {
            long d = inputShapes[0].get(inputShapes[0].dimension() - 1);
            init.parameter("gamma", init.manager().ones(new Shape(d)).add(init.manager().randomUniform(0, 0.1f, new Shape(d))));
            init.parameter("beta", new Shape(d), new NormalInitializer(0.1f));
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray x = inputs.get(0);
            NDArray centered = x.sub(x.mean(new int[] {-1}, true));
            NDArray var = centered.square().mean(new int[] {-1}, true);
            NDArray y = centered.div(var.add(Scalars.of(var, 1e-5f)).sqrt());
            return new NDList(y.mul(ctx.param("gamma")).add(ctx.param("beta")));
        }
    }

    /** Inverted dropout drawing its mask from the engine generator (so the executor's reseeding applies). */
    static final class Dropout implements BlockOp {
        private final float p;

        Dropout(float p) {
            this.p = p;
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray x = inputs.get(0);
            if (!ctx.training()) {
                return new NDList(x);
            }
            NDArray keep = ctx.manager().randomUniform(0, 1, x.getShape()).gt(p).toType(x.getDataType(), false);
            return new NDList(x.mul(keep).div(Scalars.of(x, 1 - p)));
        }
    }
}
