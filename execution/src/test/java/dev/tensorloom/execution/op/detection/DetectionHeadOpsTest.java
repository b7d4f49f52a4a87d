package dev.tensorloom.execution.op.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.op.FamilyTestHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detector heads against their reference formulas on small worked examples. */
class DetectionHeadOpsTest {

    private static double softplus(double v) {
        return Math.log1p(Math.exp(v));
    }

    @Test
    void denseBoxesDecodeDistancesFromCellCentres() {
        try (FamilyTestHarness h = new FamilyTestHarness("dense_boxes", Map.of("classes", 1L, "stride", 8L))) {
            // B = 1, 5 channels (l, t, r, b, class), 2 x 2 cells; channel k at cell (i, j) = k + 10·i + j
            float[] v = new float[5 * 4];
            for (int k = 0; k < 5; k++) {
                for (int cell = 0; cell < 4; cell++) {
                    v[k * 4 + cell] = 0.1f * (k + 10 * (cell / 2) + cell % 2);
                }
            }
            List<NDArray> out = h.forward(h.manager().create(v, new Shape(1, 5, 2, 2)));
            assertArrayEquals(new long[] {1, 4, 4}, out.get(0).getShape().getShape());
            assertArrayEquals(new long[] {1, 4, 1}, out.get(1).getShape().getShape());
            float[] boxes = out.get(0).toFloatArray();
            float[] logits = out.get(1).toFloatArray();
            for (int cell = 0; cell < 4; cell++) {
                int i = cell / 2;
                int j = cell % 2;
                double cx = (j + 0.5) * 8;
                double cy = (i + 0.5) * 8;
                double[] raw = new double[5];
                for (int k = 0; k < 5; k++) {
                    raw[k] = 0.1 * (k + 10 * i + j);
                }
                assertEquals(cx - 8 * softplus(raw[0]), boxes[cell * 4], 1e-5);
                assertEquals(cy - 8 * softplus(raw[1]), boxes[cell * 4 + 1], 1e-5);
                assertEquals(cx + 8 * softplus(raw[2]), boxes[cell * 4 + 2], 1e-5);
                assertEquals(cy + 8 * softplus(raw[3]), boxes[cell * 4 + 3], 1e-5);
                assertEquals(raw[4], logits[cell], 1e-6);
            }
        }
    }

    @Test
    void queryBoxesTurnSigmoidCentreAndSizeIntoCorners() {
        try (FamilyTestHarness h = new FamilyTestHarness("query_boxes", Map.of("image_size", 64.0))) {
            float[] raw = {0.0f, 1.0f, -1.0f, 0.5f};
            float[] box = h.forward(h.manager().create(raw, new Shape(1, 1, 4))).get(0).toFloatArray();
            double[] s = new double[4];
            for (int k = 0; k < 4; k++) {
                s[k] = 64 / (1 + Math.exp(-raw[k]));
            }
            assertArrayEquals(new float[] {(float) (s[0] - s[2] / 2), (float) (s[1] - s[3] / 2),
                (float) (s[0] + s[2] / 2), (float) (s[1] + s[3] / 2)}, box, 1e-4f);
        }
    }

    @Test
    void objectQueriesRepeatTheTablePerExampleAndCollectGradients() {
        try (FamilyTestHarness h = new FamilyTestHarness("object_queries", Map.of("queries", 3L, "d_model", 2L))) {
            h.init(new Shape(4, 5, 2));
            NDArray table = h.parameters().get("queries");
            JniUtils.setGradMode(true);
            try (ai.djl.training.GradientCollector c = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray out = h.forward(h.manager().zeros(new Shape(4, 5, 2))).get(0);
                assertArrayEquals(new long[] {4, 3, 2}, out.getShape().getShape());
                for (int b = 0; b < 4; b++) {
                    assertArrayEquals(table.toFloatArray(), out.get(b).toFloatArray(), 0f);
                }
                c.backward(out.sum());
            }
            // every example adds 1 to each entry's gradient
            for (float g : table.getGradient().toFloatArray()) {
                assertEquals(4f, g, 1e-6f);
            }
        }
    }

    @Test
    void denseLossIsVarifocalPlusWeightedGiouOverAssignedCells() {
        Map<String, Object> params = Map.of("stride", 8L, "radius", 1.5, "box_weight", 2.0, "alpha", 0.75, "gamma", 2.0);
        try (FamilyTestHarness h = new FamilyTestHarness("dense_detection_loss", params)) {
            // 2 x 2 cells of 8 px, one class; one target [0, 0, 8, 8] claims only cell 0 (centre (4, 4))
            float[] logits = {0.5f, -1.0f, 0.2f, -2.0f};
            float[] boxes = {1, 1, 9, 7, 8, 0, 16, 8, 0, 8, 8, 16, 8, 8, 16, 16};
            NDArray loss = h.forward(h.manager().create(logits, new Shape(1, 4, 1)),
                    h.manager().create(boxes, new Shape(1, 4, 4)),
                    h.manager().create(new float[] {0, 0, 8, 8, 0, 0, 0, 0}, new Shape(1, 2, 4)),
                    h.manager().create(new long[] {0, -1}, new Shape(1, 2))).get(0);
            double[] target = {0, 0, 8, 8};
            double[] predicted = {1, 1, 9, 7};
            double q = BoxOps.iou(predicted, target);
            double expected = 0;
            for (int cell = 0; cell < 4; cell++) {
                double p = logits[cell];
                double qc = cell == 0 ? q : 0;
                double sigma = 1 / (1 + Math.exp(-p));
                double bce = Math.max(p, 0) - p * qc + Math.log1p(Math.exp(-Math.abs(p)));
                double weight = qc > 0 ? qc : 0.75 * Math.pow(Math.abs(sigma - qc), 2);
                expected += bce * weight;
            }
            expected += 2.0 * (1 - BoxOps.giou(predicted, target));
            assertEquals(expected, loss.getFloat(), 1e-5);
        }
    }

    @Test
    void denseLossWithoutTargetsIsVarifocalOnNegativesOnly() {
        Map<String, Object> params = Map.of("stride", 8L);
        try (FamilyTestHarness h = new FamilyTestHarness("dense_detection_loss", params)) {
            float[] logits = {0.5f, -1.0f, 0.2f, -2.0f};
            NDArray loss = h.forward(h.manager().create(logits, new Shape(1, 4, 1)),
                    h.manager().zeros(new Shape(1, 4, 4)), h.manager().zeros(new Shape(1, 1, 4)),
                    h.manager().create(new long[] {-1}, new Shape(1, 1))).get(0);
            double expected = 0;
            for (float p : logits) {
                double sigma = 1 / (1 + Math.exp(-p));
                expected += (Math.max(p, 0) + Math.log1p(Math.exp(-Math.abs(p)))) * 0.75 * sigma * sigma;
            }
            assertEquals(expected, loss.getFloat(), 1e-5);
            assertTrue(Double.isFinite(loss.getFloat()));
        }
    }
}
