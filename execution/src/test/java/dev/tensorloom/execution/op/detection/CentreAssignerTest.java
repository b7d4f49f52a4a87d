package dev.tensorloom.execution.op.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Centre sampling and NMS on worked examples. */
class CentreAssignerTest {

    @Test
    void cellsWhoseCentreIsInsideAndNearTheBoxAreAssigned() {
        // 4 x 4 cells of 4 px: centres at 2, 6, 10, 14. Box [0, 0, 12, 8] covers centres x in {2, 6, 10},
        // y in {2, 6}; its centre (6, 4) is within 1.5 · 4 = 6 px of all of them.
        int[] owner = CentreAssigner.assign(4, 4, 1.5, new double[][] {{0, 0, 12, 8}});
        int[] expected = {0, 0, 0, -1, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        assertArrayEquals(expected, owner);
    }

    @Test
    void radiusLimitsLargeBoxesToTheirCentre() {
        // same box, radius 0.5 cell = 2 px around (6, 4): only centres x = 6 (|6-6| <= 2) and y in {2, 6}
        int[] owner = CentreAssigner.assign(4, 4, 0.5, new double[][] {{0, 0, 12, 8}});
        assertEquals(0, owner[1]);
        assertEquals(0, owner[5]);
        assertEquals(2, java.util.Arrays.stream(owner).filter(o -> o == 0).count());
    }

    @Test
    void overlapGoesToTheSmallerBoxAndTinyBoxesGetTheirCentreCell() {
        double[][] boxes = {{0, 0, 16, 16}, {4, 4, 8, 8}, {12.5, 12.5, 13.5, 13.5}};
        int[] owner = CentreAssigner.assign(4, 4, 10, boxes);
        assertEquals(1, owner[1 * 4 + 1], "centre (6, 6) lies in both; the 4x4 box is smaller");
        assertEquals(0, owner[0]);
        assertEquals(2, owner[3 * 4 + 3], "the 1-px box covers no centre, so it takes cell (3, 3)");
    }

    @Test
    void nmsKeepsTheBestOfOverlappingBoxes() {
        List<double[]> boxes = List.of(new double[] {0, 0, 10, 10}, new double[] {1, 1, 10, 10},
                new double[] {20, 20, 30, 30}, new double[] {0, 0, 10, 9});
        double[] scores = {0.6, 0.9, 0.5, 0.8};
        // box 1 (0.9) suppresses 0 (IoU 0.81) and 3 (IoU 72/99 ≈ 0.73); box 2 overlaps nothing
        assertEquals(List.of(1, 2), NonMaxSuppression.keep(boxes, scores, 0.5, 10));
        assertEquals(List.of(1), NonMaxSuppression.keep(boxes, scores, 0.5, 1));
        assertEquals(List.of(1, 3, 0, 2), NonMaxSuppression.keep(boxes, scores, 0.95, 10));
    }
}
