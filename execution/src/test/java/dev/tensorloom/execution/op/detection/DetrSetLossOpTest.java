package dev.tensorloom.execution.op.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tensorloom.execution.op.FamilyTestHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetrSetLossOpTest {
    private static final float[] LOGITS = {0.2f, -0.4f, 1.0f, 0.7f, 0.1f, -0.3f, -1.0f, 0.5f, 0.3f};
    private static final float[] BOXES = {0, 0, 1, 1, 0.5f, 0.5f, 1, 1, 0.1f, 0.1f, 0.4f, 0.4f};

    @Test
    void matchedQueryLearnsItsLabelAndTheRestLearnNoObject() {
        try (FamilyTestHarness h = new FamilyTestHarness("detr_set_loss", Map.of())) {
            NDManager m = h.manager();
            NDArray boxes = m.create(BOXES, new Shape(1, 3, 4));
            boxes.setRequiresGradient(true);
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = h.forward(m.create(LOGITS, new Shape(1, 3, 3)), boxes, targets(m), labels(m)).singletonOrThrow();
                loss = out.getFloat();
                gc.backward(out);
            }
            // query 1 has the target's exact box, so L1 = 0 and GIoU loss = 0 for the match; only the
            // weighted cross-entropy remains: (ce(q1 → 1) + 0.1·ce(q0 → 2) + 0.1·ce(q2 → 2)) / 1.2
            double expected = (ce(1, 1) + 0.1 * ce(0, 2) + 0.1 * ce(2, 2)) / 1.2;
            assertEquals(expected, loss, 1e-5);
            // only matched boxes enter the box terms: unmatched ones get no gradient
            float[] grad = boxes.getGradient().toFloatArray();
            for (int i = 0; i < 4; i++) {
                assertEquals(0f, grad[i], 0f);
                assertEquals(0f, grad[8 + i], 0f);
            }
        }
    }

    @Test
    void boxErrorsAddWeightedL1AndGiouTerms() {
        try (FamilyTestHarness h = new FamilyTestHarness("detr_set_loss", Map.of())) {
            NDManager m = h.manager();
            float[] shifted = BOXES.clone();
            shifted[4] = 0.4f; // query 1 becomes [0.4, 0.5, 1, 1]
            float loss = h.forward(m.create(LOGITS, new Shape(1, 3, 3)), m.create(shifted, new Shape(1, 3, 4)),
                    targets(m), labels(m)).singletonOrThrow().getFloat();
            double giou = BoxOps.giou(new double[] {0.4, 0.5, 1, 1}, new double[] {0.5, 0.5, 1, 1});
            double expected = (ce(1, 1) + 0.1 * ce(0, 2) + 0.1 * ce(2, 2)) / 1.2 + 5 * 0.1 + 2 * (1 - giou);
            assertEquals(expected, loss, 1e-5);
        }
    }

    @Test
    void noTargetsLeavesOnlyTheNoObjectTerm() {
        try (FamilyTestHarness h = new FamilyTestHarness("detr_set_loss", Map.of())) {
            NDManager m = h.manager();
            float loss = h.forward(m.create(LOGITS, new Shape(1, 3, 3)), m.create(BOXES, new Shape(1, 3, 4)),
                    targets(m), m.create(new long[] {-1, -1}, new Shape(1, 2))).singletonOrThrow().getFloat();
            assertEquals((ce(0, 2) + ce(1, 2) + ce(2, 2)) / 3, loss, 1e-5);
        }
    }

    private static NDArray targets(NDManager m) {
        return m.create(new float[] {0.5f, 0.5f, 1, 1, 0, 0, 0, 0}, new Shape(1, 2, 4));
    }

    private static NDArray labels(NDManager m) {
        return m.create(new long[] {1, -1}, new Shape(1, 2));
    }

    /** −log softmax(LOGITS[query])[label]. */
    private static double ce(int query, int label) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += Math.exp(LOGITS[query * 3 + k]);
        }
        return -(LOGITS[query * 3 + label] - Math.log(sum));
    }
}
