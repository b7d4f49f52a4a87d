package dev.tensorloom.execution.op.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensorloom.execution.op.detection.DetectionMetrics.Detection;
import dev.tensorloom.execution.op.detection.DetectionMetrics.Truth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked example.
 *
 * <p>Class 0: ground truth [0,0,10,10] in images 0 and 1. Detections by score: d1 (0.9, image 0, exact
 * box) TP; d2 (0.8, image 0, same box again) FP, its truth is already claimed; d3 (0.7, image 1,
 * [0,0,10,6.2]) has IoU 0.62, so TP for thresholds 0.50–0.60 and FP from 0.65.
 * At IoU ≤ 0.6: recall .5, .5, 1; precision 1, .5, 2/3 → AP = .5·1 + .5·(2/3) = 5/6.
 * At IoU ≥ 0.65: recall .5, .5, .5; precision 1, .5, 1/3 → AP = .5·1 = 1/2.
 *
 * <p>Class 1: one truth [20,20,30,30] in image 0. d5 (0.95, image 1, no truth there) FP; d4 (0.6,
 * image 0, exact) TP: recall 0, 1; precision 0, 1/2 → AP = 1·(1/2) = 1/2 at every threshold.
 *
 * <p>Class 2 has a detection but no truth: left out of the means.
 * mAP@0.5 = (5/6 + 1/2) / 2 = 2/3. COCO: class 0 averages (3·5/6 + 7·1/2)/10 = 0.6, class 1 0.5 → 0.55.
 */
class DetectionMetricsTest {
    private static final double[] A = {0, 0, 10, 10};
    private static final double[] C = {20, 20, 30, 30};
    private static final List<Truth> TRUTHS = List.of(new Truth(0, 0, A), new Truth(1, 0, A), new Truth(0, 1, C));
    private static final List<Detection> DETECTIONS = List.of(
            new Detection(0, 0, 0.9, A),
            new Detection(0, 0, 0.8, A),
            new Detection(1, 0, 0.7, new double[] {0, 0, 10, 6.2}),
            new Detection(0, 1, 0.6, C),
            new Detection(1, 1, 0.95, C),
            new Detection(0, 2, 0.99, A));

    @Test
    void perClassAllPointAveragePrecision() {
        assertEquals(5.0 / 6, DetectionMetrics.averagePrecision(DETECTIONS, TRUTHS, 0, 0.5), 1e-9);
        assertEquals(5.0 / 6, DetectionMetrics.averagePrecision(DETECTIONS, TRUTHS, 0, 0.6), 1e-9);
        assertEquals(0.5, DetectionMetrics.averagePrecision(DETECTIONS, TRUTHS, 0, 0.65), 1e-9);
        assertEquals(0.5, DetectionMetrics.averagePrecision(DETECTIONS, TRUTHS, 1, 0.95), 1e-9);
        assertEquals(Double.NaN, DetectionMetrics.averagePrecision(DETECTIONS, TRUTHS, 2, 0.5));
    }

    @Test
    void meanOverClassesAtHalfIou() {
        assertEquals(2.0 / 3, DetectionMetrics.map50(DETECTIONS, TRUTHS), 1e-9);
    }

    @Test
    void cocoAveragesTenThresholds() {
        assertEquals(0.55, DetectionMetrics.cocoMap(DETECTIONS, TRUTHS), 1e-9);
    }

    @Test
    void envelopeTakesTheBestPrecisionAtHigherRecall() {
        // precision 1, 0.5, 0.667 at recall 0.5, 0.5, 1: the dip at rank 2 is lifted to 0.667
        assertEquals(0.5 + 0.5 * (2.0 / 3), DetectionMetrics.allPointArea(
                new double[] {0.5, 0.5, 1}, new double[] {1, 0.5, 2.0 / 3}), 1e-12);
    }
}
