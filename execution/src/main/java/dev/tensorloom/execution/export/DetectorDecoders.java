package dev.tensorloom.execution.export;

import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.train.DetectionMapMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * The box decoding an exported detector gets: for each detection loss of the graph ({@code dense_detection_loss},
 * {@code detr_set_loss}), a method of the top module that turns the logits and boxes the loss reads into
 * scored detections the way the studio's {@code DetectionDecoder} does (same scoring, score threshold, NMS
 * and limit), with the helper {@code _box_decoding.py} copied into {@code model.py}. The held-out mAP in
 * {@code metrics.py} decodes through the same method.
 */
final class DetectorDecoders {
    /** The helper file with {@code decode_detections}. */
    static final String HELPER = "_box_decoding";

    /** One decoding method: its name, the variables it decodes, and whether the last logit is "no object". */
    record Decoder(String method, ModelGraph.Node loss, String logits, String boxes, boolean noObjectClass) {
    }

    private DetectorDecoders() {
    }

    static List<Decoder> of(ModelGraph graph) {
        List<ModelGraph.Node> losses = graph.nodes().stream().filter(n -> isDetectionLoss(n.step().type().id())).toList();
        List<Decoder> decoders = new ArrayList<>();
        for (ModelGraph.Node loss : losses) {
            String method = losses.size() == 1 ? "decode_boxes" : "decode_boxes_" + loss.attribute();
            decoders.add(new Decoder(method, loss, variable(graph, loss, 0), variable(graph, loss, 1),
                    loss.step().type().id().equals("detr_set_loss")));
        }
        return decoders;
    }

    static boolean isDetectionLoss(String type) {
        return type.equals("dense_detection_loss") || type.equals("detr_set_loss");
    }

    /** The method as Python source, indented for the top module. */
    static String method(Decoder d) {
        String scoring = d.noObjectClass()
                ? "a softmax over the K logits, the last (\"no object\") dropped"
                : "one sigmoid per class";
        return "\n    def " + d.method() + "(self, " + d.logits() + ", " + d.boxes() + "):\n"
                + "        \"\"\"Detections per image from the class logits [B, N, K] and boxes [B, N, 4] (x1, y1, x2, y2\n"
                + "        pixels) that " + d.loss().step().nodeId() + " scores, decoded as the studio draws and measures them: "
                + scoring + ",\n"
                + "        scores under " + DetectionMapMetric.MIN_SCORE + " dropped, class-wise NMS at IoU "
                + DetectionMapMetric.NMS_IOU + ", at most " + DetectionMapMetric.MAX_DETECTIONS + " per class.\n"
                + "        One list of (label, score, (x1, y1, x2, y2)) per image.\"\"\"\n"
                + "        return decode_detections(" + d.logits() + ", " + d.boxes() + ", no_object_class="
                + (d.noObjectClass() ? "True" : "False") + ", min_score=" + DetectionMapMetric.MIN_SCORE
                + ",\n                                 nms_iou=" + DetectionMapMetric.NMS_IOU + ", max_detections="
                + DetectionMapMetric.MAX_DETECTIONS + ")\n";
    }

    private static String variable(ModelGraph graph, ModelGraph.Node loss, int port) {
        InputRef ref = loss.step().inputs().get(port).orElseThrow(() -> new ExportException(loss.step().nodeId(),
                "input " + loss.step().type().inputs().get(port).name() + " is not connected"));
        return graph.variables(ref.step()).get(ref.output());
    }
}
