package dev.tensorloom.execution.train;

import dev.tensorloom.execution.op.detection.DetectionMetrics;
import dev.tensorloom.execution.op.detection.NonMaxSuppression;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a detector's raw outputs for one image into scored detections the way {@link DetectionMapMetric}
 * counts them: class scores from the logits, those below {@link DetectionMapMetric#MIN_SCORE} dropped,
 * class-wise NMS at {@link DetectionMapMetric#NMS_IOU}, at most {@link DetectionMapMetric#MAX_DETECTIONS}
 * per class. The activation view draws the same boxes the metric scores.
 */
public final class DetectionDecoder {
    private DetectionDecoder() {
    }

    /**
     * @param boxes  row-major [B, N, 4] boxes (x1, y1, x2, y2)
     * @param logits row-major [B, N, K] class logits
     * @param img    which image of the batch
     * @param imageId the image id the detections carry
     */
    public static List<DetectionMetrics.Detection> decode(float[] boxes, float[] logits, int img, int n, int k,
            DetectionMapMetric.Scoring scoring, int imageId) {
        int classes = scoring == DetectionMapMetric.Scoring.SOFTMAX_NO_OBJECT ? k - 1 : k;
        double[][] scores = scores(logits, img, n, k, scoring);
        List<DetectionMetrics.Detection> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<double[]> candidates = new ArrayList<>();
            List<Double> candidateScores = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (scores[i][c] >= DetectionMapMetric.MIN_SCORE) {
                    int o = (img * n + i) * 4;
                    candidates.add(new double[] {boxes[o], boxes[o + 1], boxes[o + 2], boxes[o + 3]});
                    candidateScores.add(scores[i][c]);
                }
            }
            double[] s = candidateScores.stream().mapToDouble(Double::doubleValue).toArray();
            for (int keep : NonMaxSuppression.keep(candidates, s, DetectionMapMetric.NMS_IOU,
                    DetectionMapMetric.MAX_DETECTIONS)) {
                out.add(new DetectionMetrics.Detection(imageId, c, s[keep], candidates.get(keep)));
            }
        }
        return out;
    }

    /** Class scores [N][K] of one image (for softmax scoring the last, "no object", column is unused). */
    private static double[][] scores(float[] logits, int img, int n, int k, DetectionMapMetric.Scoring scoring) {
        double[][] s = new double[n][k];
        for (int i = 0; i < n; i++) {
            int o = (img * n + i) * k;
            if (scoring == DetectionMapMetric.Scoring.SIGMOID) {
                for (int c = 0; c < k; c++) {
                    s[i][c] = 1 / (1 + Math.exp(-logits[o + c]));
                }
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, logits[o + c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    s[i][c] = Math.exp(logits[o + c] - max);
                    sum += s[i][c];
                }
                for (int c = 0; c < k; c++) {
                    s[i][c] /= sum;
                }
            }
        }
        return s;
    }
}
