package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.op.detection.CocoAveragePrecision;
import dev.tensorloom.execution.op.detection.DetectionMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detection quality on held-out images: decodes a detector's predicted boxes [B, N, 4] (x1, y1, x2, y2)
 * and class logits [B, N, K] into scored detections, keeps those above {@link #MIN_SCORE}, runs
 * class-wise NMS (IoU {@link #NMS_IOU}, at most {@link #MAX_DETECTIONS} per class and image), and reports
 * {@code voc_map50} (PASCAL VOC mAP at IoU 0.5, all-point interpolation, {@link DetectionMetrics}) and
 * {@code coco_map50_95} (COCO mAP@[.5:.95], 101-point, {@link CocoAveragePrecision}) against the batch's
 * ground-truth boxes and labels (label < 0 = padding), each with a bootstrap 95% interval over images.
 */
public final class DetectionMapMetric implements Metric {
    /** Detections scoring lower are dropped before NMS. */
    public static final double MIN_SCORE = 0.05;
    /** Overlap above which a lower-scoring box of the same class is suppressed. */
    public static final double NMS_IOU = 0.5;
    /** Kept detections per class and image. */
    public static final int MAX_DETECTIONS = 50;

    /** PASCAL VOC mAP at IoU 0.5. */
    public static final String VOC_MAP50 = "voc_map50";
    /** COCO mAP@[.5:.95]. */
    public static final String COCO_MAP = "coco_map50_95";

    /** How logits become class scores. */
    public enum Scoring {
        /** Independent sigmoids, one per class (dense heads trained with varifocal or focal loss). */
        SIGMOID,
        /** Softmax over K logits whose last is "no object" (DETR); the last is dropped after the softmax. */
        SOFTMAX_NO_OBJECT
    }

    private final NodeOutput boxesNodeOutput;
    private final NodeOutput logitsNodeOutput;
    private final Scoring scoring;
    private final String boxesField;
    private final String labelsField;
    private final List<DetectionMetrics.Detection> detections = new ArrayList<>();
    private final List<DetectionMetrics.Truth> truths = new ArrayList<>();
    private float[] boxes;
    private float[] logits;
    private long[] shape;
    private int images;

    public DetectionMapMetric(NodeOutput boxes, NodeOutput logits, Scoring scoring, String boxesField, String labelsField) {
        this.boxesNodeOutput = boxes;
        this.logitsNodeOutput = logits;
        this.scoring = scoring;
        this.boxesField = boxesField;
        this.labelsField = labelsField;
    }

    @Override
    public String name() {
        return VOC_MAP50;
    }

    @Override
    public void reset() {
        detections.clear();
        truths.clear();
        images = 0;
        boxes = null;
        logits = null;
    }

    @Override
    public void accumulate(NDArray output, NDArray target) {
        // Everything arrives through observe: predictions come from up to two nodes.
    }

    @Override
    public void observe(Step step, NDList outputs, Map<String, NDArray> batch) {
        if (step.nodeId().equals(boxesNodeOutput.nodeId())) {
            boxes = outputs.get(boxesNodeOutput.output()).toType(DataType.FLOAT32, false).toFloatArray();
        }
        if (step.nodeId().equals(logitsNodeOutput.nodeId())) {
            NDArray l = outputs.get(logitsNodeOutput.output());
            shape = l.getShape().getShape();
            logits = l.toType(DataType.FLOAT32, false).toFloatArray();
        }
        if (boxes != null && logits != null) {
            addBatch(batch);
            boxes = null;
            logits = null;
        }
    }

    private void addBatch(Map<String, NDArray> batch) {
        int b = (int) shape[0];
        int n = (int) shape[1];
        int k = (int) shape[2];
        for (int img = 0; img < b; img++) {
            detections.addAll(DetectionDecoder.decode(boxes, logits, img, n, k, scoring, images + img));
        }
        float[] gt = batch.get(boxesField).toType(DataType.FLOAT32, false).toFloatArray();
        long[] labels = batch.get(labelsField).toType(DataType.INT64, false).toLongArray();
        int slots = labels.length / b;
        for (int img = 0; img < b; img++) {
            for (int j = 0; j < slots; j++) {
                long label = labels[img * slots + j];
                if (label >= 0) {
                    int o = (img * slots + j) * 4;
                    truths.add(new DetectionMetrics.Truth(images + img, (int) label,
                            new double[] {gt[o], gt[o + 1], gt[o + 2], gt[o + 3]}));
                }
            }
        }
        images += b;
    }

    @Override
    public double value() {
        return truths.isEmpty() ? Double.NaN : DetectionMetrics.map50(detections, truths);
    }

    @Override
    public Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(VOC_MAP50, value());
        v.put(COCO_MAP, truths.isEmpty() ? Double.NaN : CocoAveragePrecision.map50to95(detections, truths));
        return v;
    }

    @Override
    public Map<String, Estimate> estimates() {
        Map<String, Estimate> e = new LinkedHashMap<>();
        e.put(VOC_MAP50, ImageBootstrap.estimate(detections, truths, images, DetectionMetrics::map50));
        e.put(COCO_MAP, ImageBootstrap.estimate(detections, truths, images, CocoAveragePrecision::map50to95));
        return e;
    }
}
