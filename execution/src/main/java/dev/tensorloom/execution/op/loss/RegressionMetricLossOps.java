package dev.tensorloom.execution.op.loss;

import dev.tensorloom.execution.op.OpRegistry;

/** DJL implementations of the keypoint-regression and metric-learning loss block types. */
public final class RegressionMetricLossOps {
    private RegressionMetricLossOps() {
    }

    public static void register(OpRegistry registry) {
        registry.register("l1_loss", params -> new L1LossOp());
        registry.register("rle_loss", RleLossOp::new);
        registry.register("arcface_loss", ArcFaceLossOp::new);
    }
}
