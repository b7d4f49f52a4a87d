package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;

/**
 * Detector heads and their training targets: the anchor-free dense box head with its loss (target
 * assignment by centre sampling, GIoU box loss, varifocal classification loss), and DETR's learned
 * object queries with the box head that turns query features into pixel boxes.
 */
final class DetectionHeadBlocks {
    private DetectionHeadBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(denseBoxes());
        catalog.register(denseLoss());
        catalog.register(objectQueries());
        catalog.register(queryBoxes());
    }

    private static BlockType denseBoxes() {
        return BlockType.builder("dense_boxes").title("Dense box head").category(BlockCategory.DETECTION)
                .description("Reads a [B, 4+C, H, W] map as one prediction per cell: distances to the box's left, "
                        + "top, right and bottom edges, softplus · stride pixels from the cell centre "
                        + "((j+½)·stride, (i+½)·stride), and C class logits → boxes [B, H·W, 4] (x1, y1, x2, y2), "
                        + "logits [B, H·W, C]")
                .input("in").output("boxes").output("logits")
                .param(ParamSpec.integer("classes", 2, 1, 4096, "Object classes C"))
                .param(ParamSpec.integer("stride", 4, 1, 1024, "Pixels per cell of the feature map"))
                .shape(ctx -> {
                    long classes = ctx.params().getLong("classes");
                    if (ctx.expect("in", "[B, " + (4 + classes) + ", H, W]")) {
                        Dim cells = cells(ctx.dim("H"), ctx.dim("W"));
                        ctx.output("boxes", TensorType.f32(ctx.dim("B"), cells, Dim.of(4)));
                        ctx.output("logits", TensorType.f32(ctx.dim("B"), cells, Dim.of(classes)));
                    }
                })
                .estimator((p, in, out) -> {
                    TensorType t = in.get("in");
                    long n = t == null ? 1 : t.elementsPerExample(1);
                    return new Estimate(0, 6.0 * n, 4 * n, t != null && t.isConcreteAfterBatch());
                })
                .build();
    }

    private static BlockType denseLoss() {
        return LossShapes.detectionLoss("dense_detection_loss", "Dense detection loss", "N", "C")
                .description("Assigns each target to the cells whose centre lies inside its box and within radius · "
                        + "stride of its centre (smallest box wins), then adds varifocal loss over all cells and "
                        + "classes (IoU-aware target: the IoU of the cell's box with its target) and box_weight · "
                        + "(1 − GIoU) over assigned cells, both divided by the number of assigned cells. Targets "
                        + "[B, T, 4] with labels [B, T] (label < 0 = padding); cells must form a square grid")
                .param(ParamSpec.integer("stride", 4, 1, 1024, "Pixels per cell, as in the dense box head"))
                .param(ParamSpec.real("radius", 1.5, 0.1, 100.0, "Centre-sampling radius in cells"))
                .param(ParamSpec.real("box_weight", 2.0, 0.0, 100.0, "Weight of the GIoU box loss"))
                .param(ParamSpec.real("alpha", 0.75, 0.0, 1.0, "Varifocal weight of negatives"))
                .param(ParamSpec.real("gamma", 2.0, 0.0, 10.0, "Varifocal focusing exponent"))
                .estimator(DetectionBlocks::perElementLoss)
                .build();
    }

    private static BlockType objectQueries() {
        return BlockType.builder("object_queries").title("Object queries").category(BlockCategory.DETECTION)
                .description("DETR's learned object queries: a trained [Q, D] table repeated for every example of "
                        + "the batch that flows in (the input only sets B) → [B, Q, D]")
                .input("in").output("out")
                .param(ParamSpec.integer("queries", 10, 1, 4096, "Queries Q: the most objects one image can yield"))
                .param(ParamSpec.integer("d_model", 64, 1, 8192, "Width D of each query"))
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, *]")) {
                        ctx.output("out", ctx.shape(DType.FLOAT32, "[B, " + ctx.params().getLong("queries") + ", "
                                + ctx.params().getLong("d_model") + "]"));
                    }
                })
                .estimator((p, in, out) -> {
                    long q = p.getLong("queries");
                    long d = p.getLong("d_model");
                    return new Estimate(q * d, 0, 4 * q * d, true);
                })
                .build();
    }

    private static BlockType queryBoxes() {
        return BlockType.builder("query_boxes").title("Query box decoder").category(BlockCategory.DETECTION)
                .description("DETR's box parametrisation: sigmoid of [*, 4] as centre x, centre y, width, height in "
                        + "units of the image side, returned as x1, y1, x2, y2 pixels")
                .input("in").output("out")
                .param(ParamSpec.real("image_size", 64, 1, 1e5, "Image side in pixels"))
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, *, 4]")) {
                        ctx.output("out", ctx.input("in").orElseThrow());
                    }
                })
                .estimator(Estimator.ELEMENTWISE)
                .build();
    }

    private static Dim cells(Dim h, Dim w) {
        if (h.isFixed() && w.isFixed()) {
            return Dim.of(h.sizeOr(0) * w.sizeOr(0));
        }
        return Dim.sym(h + "*" + w);
    }
}
