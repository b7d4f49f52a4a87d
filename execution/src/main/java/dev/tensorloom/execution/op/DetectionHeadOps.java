package dev.tensorloom.execution.op;

import dev.tensorloom.execution.op.detection.DenseBoxesOp;
import dev.tensorloom.execution.op.detection.DenseDetectionLossOp;
import dev.tensorloom.execution.op.detection.ObjectQueriesOp;
import dev.tensorloom.execution.op.detection.QueryBoxesOp;

/** DJL implementations of the detector heads: dense boxes and their loss, DETR's object queries and box decoder. */
final class DetectionHeadOps {
    private DetectionHeadOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("dense_boxes", p -> new DenseBoxesOp(p.getInt("classes"), p.getDouble("stride")));
        registry.register("dense_detection_loss", p -> DenseDetectionLossOp.of(p.getDouble("stride"),
                p.getDouble("radius"), p.getDouble("box_weight"), p.getDouble("alpha"), p.getDouble("gamma")));
        registry.register("object_queries", p -> new ObjectQueriesOp(p.getInt("queries"), p.getInt("d_model")));
        registry.register("query_boxes", p -> new QueryBoxesOp(p.getDouble("image_size")));
    }
}
