package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.TensorType;
import java.util.Map;

/**
 * The Detection block types of the built-in library: spatial pyramid pooling, and the box losses
 * (GIoU, DIoU, CIoU, varifocal, DETR's set loss with Hungarian matching). Boxes are
 * {@code [x1, y1, x2, y2]} corners.
 */
final class DetectionBlocks {
    /** Bins of the 1×1, 2×2 and 4×4 pyramid levels. */
    static final long SPP_BINS = 1 + 4 + 16;

    private DetectionBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(spp());
        catalog.register(boxLoss("giou_loss", "GIoU loss", "Mean of 1 − GIoU between predicted and target boxes"));
        catalog.register(boxLoss("diou_loss", "DIoU loss",
                "Mean of 1 − DIoU: IoU minus squared centre distance over the enclosing box's squared diagonal"));
        catalog.register(boxLoss("ciou_loss", "CIoU loss",
                "Mean of 1 − CIoU: DIoU minus α·v, v penalising aspect-ratio mismatch (α without gradient)"));
        catalog.register(varifocal());
        catalog.register(DetectionSetLossBlock.type());
        DetectionHeadBlocks.register(catalog);
    }

    private static BlockType spp() {
        return BlockType.builder("spp").title("Spatial pyramid pooling").category(BlockCategory.DETECTION)
                .description("Max-pools a feature map of any size over 1×1, 2×2 and 4×4 grids and concatenates: "
                        + "[B, C, H, W] → [B, 21·C]")
                .input("in").output("out")
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, C, H, W]")) {
                        ctx.output("out", TensorType.f32(ctx.dim("B"), ctx.dim("C").times(SPP_BINS)));
                    }
                })
                .estimator((p, in, out) -> {
                    TensorType t = in.get("in");
                    long reads = t == null ? 1 : t.elementsPerExample(1);
                    TensorType o = out.get("out");
                    return new Estimate(0, 3.0 * reads, o == null ? 0 : o.elementsPerExample(1) * 4,
                            t != null && t.isConcreteAfterBatch());
                })
                .build();
    }

    private static BlockType boxLoss(String id, String title, String description) {
        return lossPorts(BlockType.builder(id).title(title).description(description + " (boxes [*, 4] as x1, y1, x2, y2)"))
                .shape(ctx -> {
                    if (ctx.expect("pred", "[*n, 4]") && ctx.expect("target", "[*n, 4]")) {
                        ctx.output("loss", ctx.shape(DType.FLOAT32, "[]"));
                    }
                })
                .estimator(DetectionBlocks::perElementLoss)
                .build();
    }

    private static BlockType varifocal() {
        return lossPorts(BlockType.builder("varifocal_loss").title("Varifocal loss")
                .description("BCE with logits against an IoU-aware target q, weighted by q where q > 0 and by "
                        + "α·|σ(p) − q|^γ elsewhere; mean over elements"))
                .param(ParamSpec.real("alpha", 0.75, 0.0, 1.0, "Weight of negatives (q = 0)"))
                .param(ParamSpec.real("gamma", 2.0, 0.0, 10.0, "Focusing exponent on negatives"))
                .shape(ctx -> {
                    if (ctx.expect("pred", "[*n]") && ctx.expect("target", "[*n]")) {
                        ctx.output("loss", ctx.shape(DType.FLOAT32, "[]"));
                    }
                })
                .estimator(DetectionBlocks::perElementLoss)
                .build();
    }

    private static BlockType.Builder lossPorts(BlockType.Builder b) {
        return b.category(BlockCategory.LOSS).role(BlockType.Role.LOSS).input("pred").input("target").output("loss");
    }

    static Estimate perElementLoss(Params p, Map<String, TensorType> in, Map<String, TensorType> out) {
        TensorType t = in.get("pred");
        long n = t == null ? 1 : t.elementsPerExample(1);
        return new Estimate(0, 20.0 * n, 4 * n * 4, t != null && t.isConcreteAfterBatch());
    }
}
