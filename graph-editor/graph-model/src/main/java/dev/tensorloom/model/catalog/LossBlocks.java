package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;

/** The loss block types of the built-in library; each outputs a float scalar on port {@code loss}. */
final class LossBlocks {
    private LossBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(crossEntropy());
        catalog.register(squaredError("mse", "Mean squared error",
                "Mean of (pred − target)² over every element", "[*]"));
        catalog.register(squaredError("rf_velocity_mse", "Rectified-flow velocity loss",
                "Mean squared error between a predicted and a target velocity (x1 − x0) for rectified flow", "[B, *]"));
        catalog.register(flowNll());
        RegressionMetricLossBlocks.register(catalog);
    }

    private static BlockType crossEntropy() {
        return BlockType.builder("cross_entropy").title("Cross-entropy").category(BlockCategory.LOSS)
                .role(BlockType.Role.LOSS)
                .description("Softmax cross-entropy of logits against integer class labels, averaged over all positions")
                .input("pred").input(PortSpec.of("target", DType.INT64)).output("loss")
                .param(ParamSpec.integer("ignore_index", -1, -1, Integer.MAX_VALUE,
                        "Label value left out of the loss and the average; −1 leaves nothing out"))
                .shape(ctx -> {
                    if (ctx.expect("pred", "[*, C]")) {
                        var pred = ctx.input("pred").orElseThrow();
                        LossShapes.expectDims(ctx, "target", DType.INT64, pred.dims().subList(0, pred.rank() - 1));
                    }
                    ctx.output("loss", LossShapes.SCALAR);
                })
                .estimator(LossShapes.elementwise("pred", 5))
                .build();
    }

    private static BlockType squaredError(String id, String title, String description, String predPattern) {
        return BlockType.builder(id).title(title).category(BlockCategory.LOSS).role(BlockType.Role.LOSS)
                .description(description)
                .input("pred").input("target").output("loss")
                .shape(ctx -> {
                    expectSameAsPred(ctx, predPattern);
                    ctx.output("loss", LossShapes.SCALAR);
                })
                .estimator(LossShapes.elementwise("pred", 3))
                .build();
    }

    private static void expectSameAsPred(ShapeContext ctx, String predPattern) {
        if (ctx.expect("pred", predPattern)) {
            LossShapes.expectDims(ctx, "target", DType.FLOAT32, ctx.input("pred").orElseThrow().dims());
        }
    }

    private static BlockType flowNll() {
        return BlockType.builder("flow_nll").title("Flow negative log-likelihood").category(BlockCategory.LOSS)
                .role(BlockType.Role.LOSS)
                .description("NLL under a standard normal prior: 0.5·Σz² + (D/2)·log 2π − logdet, averaged over the batch")
                .input("z").input("logdet").output("loss")
                .shape(ctx -> {
                    ctx.expect("z", "[B, D]");
                    ctx.expect("logdet", "[B]");
                    ctx.output("loss", LossShapes.SCALAR);
                })
                .estimator(LossShapes.elementwise("z", 3))
                .build();
    }
}
