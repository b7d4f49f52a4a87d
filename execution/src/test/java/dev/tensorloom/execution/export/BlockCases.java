package dev.tensorloom.execution.export;

import static dev.tensorloom.execution.export.InputSpec.corners;
import static dev.tensorloom.execution.export.InputSpec.indices;
import static dev.tensorloom.execution.export.InputSpec.normal;
import static dev.tensorloom.execution.export.InputSpec.quality;
import static dev.tensorloom.execution.export.InputSpec.targetBoxes;
import static dev.tensorloom.execution.export.InputSpec.targetLabels;
import static dev.tensorloom.execution.export.InputSpec.uniform;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases {@link BlockEquivalenceTest} runs: at least one per block type of the catalog, with the
 * parameter values that change what the block computes.
 */
final class BlockCases {
    private BlockCases() {
    }

    static List<BlockCase> all() {
        List<BlockCase> cases = new ArrayList<>();
        cases.add(BlockCase.of("linear", List.of(normal(3, 5, 8)), "out_features", 6L));
        cases.add(BlockCase.named("linear-no-bias", "linear", List.of(normal(4, 8)), "out_features", 3L, "bias", false));
        cases.add(BlockCase.of("embedding", List.of(indices(10, 3, 7)), "vocab", 10L, "dim", 6L));
        cases.add(BlockCase.of("layernorm", List.of(normal(3, 5, 8))));
        cases.add(BlockCase.of("relu", List.of(normal(3, 8))));
        cases.add(BlockCase.of("add", List.of(normal(3, 8), normal(3, 8))));
        cases.add(BlockCase.of("mse", List.of(normal(3, 8), normal(3, 8))));
        cases.add(BlockCase.of("cross_entropy", List.of(normal(3, 5, 10), indices(10, 3, 5))));
        cases.add(BlockCase.named("cross_entropy-ignore", "cross_entropy", List.of(normal(3, 5, 10), indices(10, 3, 5)),
                "ignore_index", 3L));
        cases.add(BlockCase.of("sinusoidal_pos", List.of(normal(2, 7, 8)), "scale_input", true));
        cases.add(BlockCase.of("encoder_block", List.of(normal(2, 5, 16)), "d_model", 16L, "heads", 4L, "hidden", 32L));
        cases.add(BlockCase.named("encoder_block-post-causal", "encoder_block", List.of(normal(2, 5, 16)), "d_model", 16L,
                "heads", 2L, "hidden", 24L, "norm", "post", "causal", true));
        cases.addAll(CoreBlockCases.all());
        cases.addAll(TransformerBlockCases.all());
        cases.addAll(FlowBlockCases.all());
        cases.addAll(StateSpaceBlockCases.all());
        cases.addAll(detection());
        cases.addAll(regressionAndMetricLosses());
        return cases;
    }

    /** Detector heads and box losses; targets look like the shapes-detection dataset's (padded, labels −1). */
    private static List<BlockCase> detection() {
        List<BlockCase> cases = new ArrayList<>();
        cases.add(BlockCase.of("spp", List.of(normal(2, 3, 7, 9))));
        cases.add(BlockCase.of("dense_boxes", List.of(normal(2, 6, 4, 4)), "classes", 2L, "stride", 4L));
        cases.add(BlockCase.named("dense_boxes-3-classes", "dense_boxes", List.of(normal(2, 7, 3, 5)), "classes", 3L,
                "stride", 8L));
        cases.add(BlockCase.of("object_queries", List.of(normal(3, 5)), "queries", 4L, "d_model", 6L));
        cases.add(BlockCase.of("query_boxes", List.of(normal(2, 5, 4)), "image_size", 48.0));
        for (String box : List.of("giou_loss", "diou_loss", "ciou_loss")) {
            cases.add(BlockCase.of(box, List.of(corners(32, 3, 5, 4), corners(32, 3, 5, 4))));
        }
        cases.add(BlockCase.of("varifocal_loss", List.of(normal(4, 6), quality(4, 6))));
        cases.add(BlockCase.named("varifocal_loss-focused", "varifocal_loss", List.of(normal(3, 2, 5), quality(3, 2, 5)),
                "alpha", 0.25, "gamma", 1.5));
        // 8×8 cells of stride 4: a 32-pixel image
        List<InputSpec> dense = List.of(normal(3, 64, 3), corners(32, 3, 64, 4), targetBoxes(32, 3, 3),
                targetLabels(3, 3, 3));
        cases.add(BlockCase.of("dense_detection_loss", dense));
        cases.add(BlockCase.named("dense_detection_loss-narrow", "dense_detection_loss", dense, "radius", 0.5,
                "box_weight", 1.0, "alpha", 0.5, "gamma", 1.0));
        List<InputSpec> detr = List.of(normal(3, 6, 4), corners(64, 3, 6, 4), targetBoxes(64, 3, 4),
                targetLabels(3, 3, 4));
        cases.add(BlockCase.of("detr_set_loss", detr));
        cases.add(BlockCase.named("detr_set_loss-weights", "detr_set_loss", detr, "class_cost", 2.0, "l1_cost", 0.1,
                "giou_cost", 1.0, "eos_coef", 0.5));
        return cases;
    }

    private static List<BlockCase> regressionAndMetricLosses() {
        List<BlockCase> cases = new ArrayList<>();
        cases.add(BlockCase.of("l1_loss", List.of(normal(3, 5), normal(3, 5))));
        cases.add(BlockCase.of("rle_loss", List.of(normal(3, 4, 2), uniform(1, 3, 4, 2), normal(3, 4, 2)), "hidden", 8L));
        cases.add(BlockCase.of("arcface_loss", List.of(normal(6, 8), indices(5, 6)), "classes", 5L));
        cases.add(BlockCase.named("arcface_loss-easy-margin", "arcface_loss", List.of(normal(6, 8), indices(5, 6)),
                "classes", 5L, "easy_margin", true, "scale", 16.0));
        // a margin this wide sends many true-class angles past π − m, onto the fallback logit
        cases.add(BlockCase.named("arcface_loss-wide-margin", "arcface_loss", List.of(normal(6, 8), indices(5, 6)),
                "classes", 5L, "margin", 1.4));
        return cases;
    }
}
