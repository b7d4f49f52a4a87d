package dev.tensorloom.execution.op;

import dev.tensorloom.execution.op.detection.BoxLossOp;
import dev.tensorloom.execution.op.detection.DetrSetLossOp;
import dev.tensorloom.execution.op.detection.SppOp;
import dev.tensorloom.execution.op.detection.VarifocalLossOp;

/** DJL implementations of the Detection block types, including the box losses (giou, diou, ciou, varifocal, DETR). */
final class DetectionOps {
    private DetectionOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("spp", p -> new SppOp());
        registry.register("giou_loss", p -> BoxLossOp.giou());
        registry.register("diou_loss", p -> BoxLossOp.diou());
        registry.register("ciou_loss", p -> BoxLossOp.ciou());
        registry.register("varifocal_loss", p -> new VarifocalLossOp(p.getDouble("alpha"), p.getDouble("gamma")));
        registry.register("detr_set_loss", p -> new DetrSetLossOp(p.getDouble("class_cost"), p.getDouble("l1_cost"),
                p.getDouble("giou_cost"), p.getDouble("eos_coef")));
        DetectionHeadOps.register(registry);
    }
}
