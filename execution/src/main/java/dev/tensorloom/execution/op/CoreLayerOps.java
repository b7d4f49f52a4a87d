package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import dev.tensorloom.model.catalog.Params;

/** Ops for {@code linear} and {@code embedding}. */
final class CoreLayerOps {
    private CoreLayerOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("linear", LinearOp::new);
        registry.register("embedding", EmbeddingOp::new);
    }

    /**
     * The input's size where a parameter says 0 ("take it from the input"), else the parameter, which
     * must then agree with the input.
     */
    static long resolveFeatures(String what, long configured, long actual) {
        if (configured > 0 && configured != actual) {
            throw new IllegalArgumentException(what + " is set to " + configured + " but the input has " + actual);
        }
        return actual;
    }

    /** y = x·Wᵀ + b with PyTorch's default init: W and b uniform in ±1/sqrt(in_features). */
    static final class LinearOp implements BlockOp {
        private final long outFeatures;
        private final long inFeatures;
        private final boolean bias;

        LinearOp(Params params) {
            outFeatures = params.getLong("out_features");
            inFeatures = params.getLong("in_features");
            bias = params.getBool("bias");
        }

        @Override
        public void initialize(ParameterInit init, Shape[] inputShapes) {
            long in = resolveFeatures("in_features", inFeatures, CoreArrays.last(inputShapes[0]));
            UniformInitializer uniform = new UniformInitializer((float) (1 / Math.sqrt(in)));
            init.parameter("weight", new Shape(outFeatures, in), uniform);
            if (bias) {
                init.parameter("bias", new Shape(outFeatures), uniform);
            }
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray x = inputs.get(0);
            return bias ? Linear.linear(x, ctx.param("weight"), ctx.param("bias")) : Linear.linear(x, ctx.param("weight"));
        }
    }

    /** Row lookup in a [vocab, dim] table initialised from N(0, 1), as PyTorch does. */
    static final class EmbeddingOp implements BlockOp {
        private final long vocab;
        private final long dim;

        EmbeddingOp(Params params) {
            vocab = params.getLong("vocab");
            dim = params.getLong("dim");
        }

        @Override
        public void initialize(ParameterInit init, Shape[] inputShapes) {
            init.parameter("weight", new Shape(vocab, dim), new NormalInitializer(1f));
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            // The native embedding takes the indices as its first operand, so the result lands in the
            // input's (the node's) manager, and autograd scatters the gradient back into the table.
            return Embedding.embedding(inputs.get(0), ctx.param("weight"), SparseFormat.DENSE);
        }
    }
}
