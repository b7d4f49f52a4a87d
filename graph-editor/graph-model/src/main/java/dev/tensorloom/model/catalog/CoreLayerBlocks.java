package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.TensorType;
import java.util.Map;

/** Core blocks with weight matrices: {@code linear} and {@code embedding}. */
final class CoreLayerBlocks {
    static final long MAX_FEATURES = 1L << 20;

    private CoreLayerBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(BlockType.builder("linear")
                .title("Linear")
                .category(BlockCategory.CORE)
                .description("Fully connected layer y = x·Wᵀ + b over the last dimension.")
                .input("in")
                .output("out")
                .param(ParamSpec.integer("in_features", 0, 0, MAX_FEATURES, "Input features; 0 takes them from the input."))
                .param(ParamSpec.integer("out_features", 64, 1, MAX_FEATURES, "Output features."))
                .param(ParamSpec.bool("bias", true, "Adds a learned bias."))
                .shape(CoreLayerBlocks::inferLinear)
                .estimator(CoreLayerBlocks::estimateLinear)
                .build());
        catalog.register(BlockType.builder("embedding")
                .title("Embedding")
                .category(BlockCategory.CORE)
                .description("Looks up a learned vector for every integer token id.")
                .input(PortSpec.of("in", DType.INT64))
                .output("out")
                .param(ParamSpec.integer("vocab", 1000, 1, 1L << 24, "Number of distinct token ids."))
                .param(ParamSpec.integer("dim", 64, 1, MAX_FEATURES, "Length of each vector."))
                .shape(ctx -> {
                    if (ctx.expect("in", DType.INT64, "[B, *]")) {
                        ctx.output("out", ctx.shape(DType.FLOAT32, "[B, *, " + ctx.params().getLong("dim") + "]"));
                    }
                })
                .estimator((params, inputs, outputs) -> new Estimate(params.getLong("vocab") * params.getLong("dim"),
                        0, CoreEstimates.outputBytes(outputs), CoreEstimates.exact(inputs, "in", outputs)))
                .build());
    }

    private static void inferLinear(ShapeContext ctx) {
        long in = ctx.params().getLong("in_features");
        String last = in > 0 ? Long.toString(in) : "F";
        if (ctx.expect("in", "[B, *, " + last + "]")) {
            ctx.output("out", ctx.shape(DType.FLOAT32, "[B, *, " + ctx.params().getLong("out_features") + "]"));
        }
    }

    private static Estimate estimateLinear(Params params, Map<String, TensorType> inputs,
            Map<String, TensorType> outputs) {
        long set = params.getLong("in_features");
        long in = set > 0 ? set : CoreEstimates.inputDim(inputs, "in", -1, 1);
        long out = params.getLong("out_features");
        long rows = outputs.isEmpty() ? 1 : CoreEstimates.outputElements(outputs) / out;
        long weights = in * out + (params.getBool("bias") ? out : 0);
        return new Estimate(weights, 2.0 * in * out * rows, CoreEstimates.outputBytes(outputs),
                CoreEstimates.exact(inputs, "in", outputs));
    }
}
