package dev.tensorloom.execution.op.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import dev.tensorloom.execution.op.FamilyTestHarness;
import org.junit.jupiter.api.Test;

class BoxOpsTest {
    private static final double[] BIG = {0, 0, 100, 100};

    @Test
    void iouOfNestedBoxIsAreaRatio() {
        assertEquals(0.25, BoxOps.iou(BIG, new double[] {0, 0, 50, 50}), 1e-6);
    }

    @Test
    void giouOfDisjointBoxesIsNegative() {
        // union 20000, enclosing box 300×300 = 90000: GIoU = 0 − (90000 − 20000) / 90000 = −0.7778
        assertEquals(-0.7778, BoxOps.giou(BIG, new double[] {200, 200, 300, 300}), 5e-5);
    }

    @Test
    void overlapMeasuresAgreeBetweenJavaAndNdArrays() {
        Random random = new Random(7);
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 20;
            float[] p = new float[n * 4];
            float[] g = new float[n * 4];
            for (int i = 0; i < n; i++) {
                fillBox(random, p, i * 4);
                fillBox(random, g, i * 4);
            }
            NDArray pa = m.create(p, new Shape(n, 4));
            NDArray ga = m.create(g, new Shape(n, 4));
            float[] iou = BoxOps.iou(pa, ga).toFloatArray();
            float[] giou = BoxOps.giou(pa, ga).toFloatArray();
            float[] diou = BoxOps.diou(pa, ga).toFloatArray();
            float[] ciou = BoxOps.ciou(pa, ga).toFloatArray();
            for (int i = 0; i < n; i++) {
                double[] pb = box(p, i * 4);
                double[] gb = box(g, i * 4);
                assertEquals(BoxOps.iou(pb, gb), iou[i], 1e-5);
                assertEquals(BoxOps.giou(pb, gb), giou[i], 1e-5);
                assertEquals(BoxOps.diou(pb, gb), diou[i], 1e-5);
                assertEquals(BoxOps.ciou(pb, gb), ciou[i], 1e-5);
                assertTrue(ciou[i] <= diou[i] + 1e-6 && diou[i] <= iou[i] + 1e-6 && giou[i] <= iou[i] + 1e-6);
            }
        }
    }

    @Test
    void ciouSubtractsAspectPenaltyFromDiou() {
        double[] p = {-1, -0.5, 1, 0.5};
        double[] g = {-0.5, -1, 0.5, 1};
        // same centre, IoU = 1/3; v = 4/π²·(atan(1/2) − atan(2))², α = v / (1 − 1/3 + v)
        double d = Math.atan(0.5) - Math.atan(2);
        double v = 4 / (Math.PI * Math.PI) * d * d;
        double expected = 1.0 / 3 - 0.0 - v / (2.0 / 3 + v) * v;
        assertEquals(expected, BoxOps.ciou(p, g), 1e-6);
    }

    @Test
    void giouAndDiouLossesOfTheReferencePair() {
        // pred [−1,−1,1,1] covers target [0,0,1,1]: IoU 1/4, enclosing = pred, so GIoU = 1/4, loss 0.75;
        // centres 0.5√2 apart (ρ² = 0.5), enclosing diagonal² = 8: DIoU = 0.25 − 0.0625, loss 0.8125
        assertEquals(0.75, boxLoss("giou_loss"), 1e-6);
        assertEquals(0.8125, boxLoss("diou_loss"), 1e-6);
        // same aspect ratio (both square): v = 0, CIoU loss = DIoU loss
        assertEquals(0.8125, boxLoss("ciou_loss"), 1e-6);
    }

    @Test
    void varifocalLossOfConfidentCorrectLogitsIsZero() {
        try (FamilyTestHarness h = new FamilyTestHarness("varifocal_loss", Map.of())) {
            NDManager m = h.manager();
            float loss = h.forward(m.create(new float[] {100, -100}), m.create(new float[] {1, 0})).singletonOrThrow().getFloat();
            assertEquals(0, loss, 1e-6);
        }
    }

    @Test
    void varifocalLossWeightsPositivesByQAndNegativesByFocalTerm() {
        try (FamilyTestHarness h = new FamilyTestHarness("varifocal_loss", Map.of())) {
            NDManager m = h.manager();
            float[] logits = {0.3f, -1.2f, 2.0f};
            float[] q = {0.6f, 0f, 0f};
            float loss = h.forward(m.create(logits), m.create(q)).singletonOrThrow().getFloat();
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                double s = 1 / (1 + Math.exp(-logits[i]));
                double bce = -(q[i] * Math.log(s) + (1 - q[i]) * Math.log(1 - s));
                double w = q[i] > 0 ? q[i] : 0.75 * Math.pow(Math.abs(s - q[i]), 2);
                sum += bce * w;
            }
            assertEquals(sum / 3, loss, 1e-6);
        }
    }

    @Test
    void lossGradientsStayFiniteForIdenticalAndDegenerateBoxes() {
        for (String type : new String[] {"giou_loss", "diou_loss", "ciou_loss"}) {
            try (FamilyTestHarness h = new FamilyTestHarness(type, Map.of())) {
                NDManager m = h.manager();
                // identical boxes, a zero-area prediction, and a prediction inside-out
                NDArray pred = m.create(new float[] {0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 2, 2}, new Shape(3, 4));
                NDArray target = m.create(new float[] {0, 0, 1, 1, 1, 1, 3, 3, 1, 1, 3, 3}, new Shape(3, 4));
                pred.setRequiresGradient(true);
                float loss;
                try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray out = h.forward(pred, target).singletonOrThrow();
                    loss = out.getFloat();
                    gc.backward(out);
                }
                assertTrue(Float.isFinite(loss), type);
                for (float g : pred.getGradient().toFloatArray()) {
                    assertTrue(Float.isFinite(g), type + " gradient");
                }
            }
        }
    }

    private static double boxLoss(String type) {
        try (FamilyTestHarness h = new FamilyTestHarness(type, Map.of())) {
            NDManager m = h.manager();
            NDArray pred = m.create(new float[] {-1, -1, 1, 1}, new Shape(1, 1, 4));
            NDArray target = m.create(new float[] {0, 0, 1, 1}, new Shape(1, 1, 4));
            return h.forward(pred, target).singletonOrThrow().getFloat();
        }
    }

    private static void fillBox(Random r, float[] a, int o) {
        a[o] = r.nextFloat() * 10;
        a[o + 1] = r.nextFloat() * 10;
        a[o + 2] = a[o] + 0.5f + r.nextFloat() * 8;
        a[o + 3] = a[o + 1] + 0.5f + r.nextFloat() * 8;
    }

    private static double[] box(float[] a, int o) {
        return new double[] {a[o], a[o + 1], a[o + 2], a[o + 3]};
    }
}
