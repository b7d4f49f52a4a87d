package dev.tensorloom.execution.op.detection;

import dev.tensorloom.execution.op.detection.DetectionMetrics.Detection;
import dev.tensorloom.execution.op.detection.DetectionMetrics.Truth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * COCO's mAP@[.5:.95] as pycocotools' {@code COCOeval} computes it for boxes (area "all", no crowd
 * regions): per image and class, detections by descending score (at most {@link #MAX_DETECTIONS}) each
 * take the still unmatched ground truth with the highest IoU at or above the threshold; precision is
 * made monotone and read at the 101 recall points 0, 0.01, …, 1 (0 past the highest recall reached);
 * AP is their mean, averaged over classes with ground truth and the ten IoU thresholds 0.50, 0.55, …, 0.95.
 * This differs from {@link DetectionMetrics}' VOC rule (best-IoU truth only, all-point area).
 */
public final class CocoAveragePrecision {
    /** COCO's maxDets for the headline AP. */
    public static final int MAX_DETECTIONS = 100;
    private static final int RECALL_POINTS = 101;

    private CocoAveragePrecision() {
    }

    /** mAP@[.5:.95]; NaN when there is no ground truth. */
    public static double map50to95(List<Detection> detections, List<Truth> truths) {
        TreeSet<Integer> classes = new TreeSet<>();
        truths.forEach(t -> classes.add(t.classId()));
        if (classes.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            double threshold = 0.5 + 0.05 * i;
            for (int c : classes) {
                sum += averagePrecision(detections, truths, c, threshold);
            }
        }
        return sum / (10.0 * classes.size());
    }

    /** COCO's 101-point AP of one class at one IoU threshold; NaN without ground truth of the class. */
    public static double averagePrecision(List<Detection> detections, List<Truth> truths, int classId, double threshold) {
        Map<Integer, List<Truth>> truthsByImage = new HashMap<>();
        int positives = 0;
        for (Truth t : truths) {
            if (t.classId() == classId) {
                truthsByImage.computeIfAbsent(t.image(), i -> new ArrayList<>()).add(t);
                positives++;
            }
        }
        if (positives == 0) {
            return Double.NaN;
        }
        Map<Integer, List<Detection>> byImage = new HashMap<>();
        for (Detection d : detections) {
            if (d.classId() == classId) {
                byImage.computeIfAbsent(d.image(), i -> new ArrayList<>()).add(d);
            }
        }
        List<double[]> scored = new ArrayList<>(); // {score, 1 if true positive}
        for (Map.Entry<Integer, List<Detection>> e : byImage.entrySet()) {
            List<Detection> ranked = e.getValue().stream()
                    .sorted(Comparator.comparingDouble(Detection::score).reversed()).limit(MAX_DETECTIONS).toList();
            List<Truth> gts = truthsByImage.getOrDefault(e.getKey(), List.of());
            boolean[] matched = new boolean[gts.size()];
            for (Detection d : ranked) {
                double best = Math.min(threshold, 1 - 1e-10);
                int match = -1;
                for (int g = 0; g < gts.size(); g++) {
                    double iou = BoxOps.iou(d.box(), gts.get(g).box());
                    if (!matched[g] && iou >= best) {
                        best = iou;
                        match = g;
                    }
                }
                if (match >= 0) {
                    matched[match] = true;
                }
                scored.add(new double[] {d.score(), match >= 0 ? 1 : 0});
            }
        }
        // a stable sort by descending score across images, as COCOeval's mergesort
        scored.sort(Comparator.comparingDouble((double[] s) -> s[0]).reversed());
        int n = scored.size();
        double[] recall = new double[n];
        double[] precision = new double[n];
        int tp = 0;
        for (int i = 0; i < n; i++) {
            tp += (int) scored.get(i)[1];
            recall[i] = (double) tp / positives;
            precision[i] = tp / (i + 1.0);
        }
        for (int i = n - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double sum = 0;
        int at = 0;
        for (int r = 0; r < RECALL_POINTS; r++) {
            double point = r / (RECALL_POINTS - 1.0);
            while (at < n && recall[at] < point) {
                at++;
            }
            sum += at < n ? precision[at] : 0;
        }
        return sum / RECALL_POINTS;
    }
}
