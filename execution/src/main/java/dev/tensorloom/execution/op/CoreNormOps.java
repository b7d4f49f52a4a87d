package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.model.catalog.Params;

/** Ops for dropout, layernorm, rmsnorm, batchnorm and groupnorm. */
final class CoreNormOps {
    private CoreNormOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("dropout", params -> {
            float p = (float) params.getDouble("p");
            // The native dropout draws from the engine's generator, which the executor reseeds before
            // each node, so a recomputation drops the same elements.
            return (ctx, inputs) -> Dropout.dropout(inputs.get(0), p, ctx.training());
        });
        registry.register("layernorm", LayerNormOp::new);
        registry.register("rmsnorm", RmsNormOp::new);
        registry.register("batchnorm", CoreBatchNormOp::new);
        registry.register("groupnorm", GroupNormOp::new);
    }

    /**
     * A normalisation over the last dimension: its {@code eps}, and per-feature affine vectors that start as the
     * identity (gamma, or rmsnorm's weight, at 1; beta, where there is one, at 0).
     */
    abstract static class LastDimNormOp implements BlockOp {
        final float eps;
        private final boolean withBeta;

        LastDimNormOp(Params params, boolean withBeta) {
            this.eps = (float) params.getDouble("eps");
            this.withBeta = withBeta;
        }

        @Override
        public final void initialize(ParameterInit init, Shape[] inputShapes) {
            Shape features = new Shape(CoreArrays.last(inputShapes[0]));
            init.parameter(withBeta ? "gamma" : "weight", features, Initializer.ONES);
            if (withBeta) {
                init.parameter("beta", features, Initializer.ZEROS);
            }
        }
    }

    /** (x − mean) / sqrt(var + eps) · gamma + beta over the last dimension (biased variance). */
    static final class LayerNormOp extends LastDimNormOp {
        LayerNormOp(Params params) {
            super(params, true);
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray x = inputs.get(0);
            return LayerNorm.layerNorm(x, new Shape(CoreArrays.last(x.getShape())), ctx.param("gamma"), ctx.param("beta"), eps);
        }
    }

    /** x / sqrt(mean(x²) + eps) · w over the last dimension. */
    static final class RmsNormOp extends LastDimNormOp {
        RmsNormOp(Params params) {
            super(params, false);
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray x = inputs.get(0);
            NDArray rms = x.square().mean(new int[] {-1}, true).add(Scalars.of(x, eps)).sqrt();
            return new NDList(x.div(rms).mul(ctx.param("weight")));
        }
    }

    /** Normalises groups of channels of each example over [B, G, C/G · spatial], then scales per channel. */
    static final class GroupNormOp implements BlockOp {
        private final long groups;
        private final float eps;

        GroupNormOp(Params params) {
            groups = params.getLong("groups");
            eps = (float) params.getDouble("eps");
        }

        @Override
        public void initialize(ParameterInit init, Shape[] inputShapes) {
            long channels = inputShapes[0].get(1);
            if (channels % groups != 0) {
                throw new IllegalArgumentException(channels + " channels do not divide into " + groups + " groups");
            }
            init.parameter("gamma", new Shape(channels), Initializer.ONES);
            init.parameter("beta", new Shape(channels), Initializer.ZEROS);
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray x = inputs.get(0);
            Shape shape = x.getShape();
            NDArray grouped = x.reshape(new Shape(shape.get(0), groups, -1));
            NDArray centred = grouped.sub(grouped.mean(new int[] {2}, true));
            NDArray variance = centred.square().mean(new int[] {2}, true);
            NDArray normalised = centred.div(variance.add(Scalars.of(variance, eps)).sqrt()).reshape(shape);
            int rank = shape.dimension();
            return new NDList(normalised.mul(CoreArrays.perChannel(ctx, ctx.param("gamma"), rank))
                    .add(CoreArrays.perChannel(ctx, ctx.param("beta"), rank)));
        }
    }
}
