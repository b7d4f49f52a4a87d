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
 * mAP@0.5 = (5/6 + 1/2) / 2 = 2/3.
 *
 * <p>COCO (101 recall points 0, 0.01, …, 1; monotone precision): class 0 at IoU ≤ 0.6 reads precision 1 at
 * the 51 points up to recall 0.5 and 2/3 at the 50 above: (51 + 50·2/3)/101; at IoU ≥ 0.65 1 up to 0.5 and
 * 0 above: 51/101. Class 1 reads 1/2 everywhere. Over the ten thresholds class 0 averages
 * (3·(51 + 100/3) + 7·51)/1010 = 610/1010, so mAP@[.5:.95] = (610/1010 + 1/2)/2 = 1115/2020.
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
    void cocoReadsPrecisionAtOneHundredAndOneRecallPointsOverTenThresholds() {
        assertEquals((51 + 50 * 2.0 / 3) / 101, CocoAveragePrecision.averagePrecision(DETECTIONS, TRUTHS, 0, 0.6), 1e-12);
        assertEquals(51.0 / 101, CocoAveragePrecision.averagePrecision(DETECTIONS, TRUTHS, 0, 0.65), 1e-12);
        assertEquals(0.5, CocoAveragePrecision.averagePrecision(DETECTIONS, TRUTHS, 1, 0.95), 1e-12);
        assertEquals(1115.0 / 2020, CocoAveragePrecision.map50to95(DETECTIONS, TRUTHS), 1e-12);
    }

    @Test
    void cocoMatchesADetectionToTheBestUnmatchedTruthNotOnlyTheBestTruth() {
        // Two truths overlap; the first detection takes truth a (IoU 1). The second overlaps a best (IoU 0.82) but
        // a is taken: VOC counts it false, COCO lets it take truth b (IoU 0.54) at threshold 0.5.
        double[] a = {0, 0, 10, 10};
        double[] b = {0, 4, 10, 14};
        double[] d2 = {0, 1, 10, 11};
        List<Truth> truths = List.of(new Truth(0, 0, a), new Truth(0, 0, b));
        List<Detection> detections = List.of(new Detection(0, 0, 0.9, a), new Detection(0, 0, 0.8, d2));
        assertEquals(1.0, CocoAveragePrecision.averagePrecision(detections, truths, 0, 0.5), 1e-12);
        assertEquals(0.5, DetectionMetrics.averagePrecision(detections, truths, 0, 0.5), 1e-12);
    }

    @Test
    void envelopeTakesTheBestPrecisionAtHigherRecall() {
        // precision 1, 0.5, 0.667 at recall 0.5, 0.5, 1: the dip at rank 2 is lifted to 0.667
        assertEquals(0.5 + 0.5 * (2.0 / 3), DetectionMetrics.allPointArea(
                new double[] {0.5, 0.5, 1}, new double[] {1, 0.5, 2.0 / 3}), 1e-12);
    }
}
