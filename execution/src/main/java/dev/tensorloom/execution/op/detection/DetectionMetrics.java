package dev.tensorloom.execution.op.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * VOC-style detection quality: per-class average precision with all-point interpolation (PASCAL VOC
 * 2010+) and its mean over classes at IoU 0.5. COCO's mAP@[.5:.95] is {@link CocoAveragePrecision}.
 *
 * <p>Detections of a class are taken by descending score; each is a true positive when its best-IoU
 * ground truth in the same image reaches the threshold and is not yet claimed, otherwise a false
 * positive (VOC's rule). Classes without ground truth are left out of the mean.
 */
public final class DetectionMetrics {
    /** A predicted box with its confidence. */
    public record Detection(int image, int classId, double score, double[] box) {
    }

    /** A ground-truth box. */
    public record Truth(int image, int classId, double[] box) {
    }

    private DetectionMetrics() {
    }

    /** Average precision of one class at one IoU threshold (area under the monotone precision envelope). */
    public static double averagePrecision(List<Detection> detections, List<Truth> truths, int classId, double iouThreshold) {
        Map<Integer, List<Truth>> byImage = new HashMap<>();
        int positives = 0;
        for (Truth t : truths) {
            if (t.classId() == classId) {
                byImage.computeIfAbsent(t.image(), i -> new ArrayList<>()).add(t);
                positives++;
            }
        }
        if (positives == 0) {
            return Double.NaN;
        }
        List<Detection> ranked = detections.stream().filter(d -> d.classId() == classId)
                .sorted(Comparator.comparingDouble(Detection::score).reversed()).toList();
        Map<Truth, Boolean> claimed = new HashMap<>();
        double[] recall = new double[ranked.size()];
        double[] precision = new double[ranked.size()];
        int tp = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Detection d = ranked.get(i);
            Truth best = null;
            double bestIou = -1;
            for (Truth t : byImage.getOrDefault(d.image(), List.of())) {
                double iou = BoxOps.iou(d.box(), t.box());
                if (iou > bestIou) {
                    bestIou = iou;
                    best = t;
                }
            }
            if (best != null && bestIou >= iouThreshold && claimed.putIfAbsent(best, true) == null) {
                tp++;
            }
            recall[i] = (double) tp / positives;
            precision[i] = (double) tp / (i + 1);
        }
        return allPointArea(recall, precision);
    }

    /** Mean over classes with ground truth of the AP at one IoU threshold. */
    public static double meanAveragePrecision(List<Detection> detections, List<Truth> truths, double iouThreshold) {
        TreeSet<Integer> classes = new TreeSet<>();
        truths.forEach(t -> classes.add(t.classId()));
        if (classes.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int c : classes) {
            sum += averagePrecision(detections, truths, c, iouThreshold);
        }
        return sum / classes.size();
    }

    /** VOC mAP at IoU 0.5. */
    public static double map50(List<Detection> detections, List<Truth> truths) {
        return meanAveragePrecision(detections, truths, 0.5);
    }

    /** Σ (r_i − r_{i−1})·max_{j ≥ i} p_j, with r_{−1} = 0. */
    static double allPointArea(double[] recall, double[] precision) {
        double area = 0;
        double envelope = 0;
        for (int i = recall.length - 1; i >= 0; i--) {
            envelope = Math.max(envelope, precision[i]);
            double previous = i == 0 ? 0 : recall[i - 1];
            area += (recall[i] - previous) * envelope;
        }
        return area;
    }
}
