package dev.tensorloom.model.catalog;

import java.util.List;

/** Core element-wise activations and softmax: the output has the input's shape. */
final class CoreActivationBlocks {
    private CoreActivationBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(activation("relu", "ReLU", "max(x, 0).", 1).build());
        catalog.register(activation("gelu", "GELU", "x·Φ(x), the Gaussian error linear unit.", 8)
                .param(ParamSpec.choice("approximate", "none", List.of("none", "tanh"),
                        "none uses the exact erf; tanh uses the tanh approximation."))
                .build());
        catalog.register(activation("silu", "SiLU", "x·sigmoid(x), also called swish.", 4).build());
        catalog.register(activation("tanh", "Tanh", "Hyperbolic tangent, squashing to (-1, 1).", 4).build());
        catalog.register(activation("sigmoid", "Sigmoid", "1 / (1 + e^-x), squashing to (0, 1).", 4).build());
        catalog.register(activation("softplus", "Softplus", "log(1 + e^(beta·x)) / beta, a smooth ReLU.", 4)
                .param(ParamSpec.real("beta", 1.0, 1e-3, 1e3, "Sharpness; larger is closer to ReLU."))
                .build());
        catalog.register(BlockType.builder("softmax")
                .title("Softmax")
                .category(BlockCategory.CORE)
                .description("Turns scores along one axis into probabilities that sum to 1.")
                .input("in")
                .output("out")
                .param(ParamSpec.integer("axis", -1, -8, 8, "Axis to normalise; negative counts from the end."))
                .shape(CoreActivationBlocks::inferSoftmax)
                .estimator(CoreEstimates.perOutputElement(4))
                .build());
    }

    private static BlockType.Builder activation(String id, String title, String description, double flops) {
        return BlockType.builder(id)
                .title(title)
                .category(BlockCategory.CORE)
                .description(description)
                .input("in")
                .output("out")
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, *]")) {
                        ctx.output("out", ctx.input("in").get());
                    }
                })
                .estimator(CoreEstimates.perOutputElement(flops));
    }

    private static void inferSoftmax(ShapeContext ctx) {
        if (!ctx.expect("in", "[B, *]")) {
            return;
        }
        int rank = ctx.input("in").get().rank();
        if (CoreShapeMath.axis(ctx.params().getLong("axis"), rank) < 1) {
            ctx.error("in", "axis " + ctx.params().getLong("axis") + " is the batch or outside "
                    + ctx.input("in").get());
            return;
        }
        ctx.output("out", ctx.input("in").get());
    }
}
