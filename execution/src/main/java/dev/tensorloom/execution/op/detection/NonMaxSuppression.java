package dev.tensorloom.execution.op.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Greedy non-maximum suppression: take boxes by descending score, keep one unless it overlaps an
 * already kept box by IoU above the threshold (as {@code torchvision.ops.nms}). Run it per class for
 * class-wise NMS.
 */
public final class NonMaxSuppression {
    private NonMaxSuppression() {
    }

    /** Indices of the kept boxes, by descending score, at most {@code limit} of them. */
    public static List<Integer> keep(List<double[]> boxes, double[] scores, double iouThreshold, int limit) {
        List<Integer> order = IntStream.range(0, boxes.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()).toList();
        List<Integer> kept = new ArrayList<>();
        for (int i : order) {
            if (kept.size() >= limit) {
                break;
            }
            boolean suppressed = false;
            for (int k : kept) {
                if (BoxOps.iou(boxes.get(i), boxes.get(k)) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(i);
            }
        }
        return kept;
    }
}
