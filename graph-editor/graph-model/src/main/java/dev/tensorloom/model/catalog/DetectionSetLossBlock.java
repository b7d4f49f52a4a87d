package dev.tensorloom.model.catalog;

/**
 * Catalog entry of DETR's set loss: Hungarian matching of Q predictions to the targets of each image
 * (cost = 1·class + 5·L1 + 2·(−GIoU)), then class cross-entropy over all queries (unmatched ones
 * learn the extra "no object" class, down-weighted by {@code eos_coef}) plus L1 and GIoU losses on
 * matched boxes. Targets are padded: a label below 0 marks an empty slot.
 */
final class DetectionSetLossBlock {
    private DetectionSetLossBlock() {
    }

    static BlockType type() {
        return LossShapes.detectionLoss("detr_set_loss", "DETR set loss", "Q", "K")
                .description("Hungarian-matched set loss of DETR: logits [B, Q, C+1] (last = no object), boxes "
                        + "[B, Q, 4] x1y1x2y2; targets [B, T, 4] and labels [B, T] (label < 0 = padding)")
                .param(ParamSpec.real("class_cost", 1.0, 0.0, 100.0, "Matching cost weight of −p(target class)"))
                .param(ParamSpec.real("l1_cost", 5.0, 0.0, 100.0, "Weight of the L1 box distance (matching and loss)"))
                .param(ParamSpec.real("giou_cost", 2.0, 0.0, 100.0, "Weight of −GIoU / 1 − GIoU (matching and loss)"))
                .param(ParamSpec.real("eos_coef", 0.1, 0.0, 1.0, "Cross-entropy weight of the no-object class"))
                .estimator((p, in, out) -> {
                    long q = in.containsKey("pred_logits") ? in.get("pred_logits").dim(1).sizeOr(1) : 1;
                    long t = in.containsKey("target_boxes") ? in.get("target_boxes").dim(1).sizeOr(1) : 1;
                    long n = Math.max(q, t);
                    return new Estimate(0, 30.0 * q * t + (double) n * n * n, 4 * q * t * 4, false);
                })
                .build();
    }
}
