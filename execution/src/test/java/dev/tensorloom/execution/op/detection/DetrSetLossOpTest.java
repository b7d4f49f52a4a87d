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

    @Test
    void matchingMinimisesDetrCostOverAllAssignments() {
        java.util.Random random = new java.util.Random(17);
        DetrSetLossOp op = new DetrSetLossOp(1, 5, 2, 0.1);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int trial = 0; trial < 10; trial++) {
                int q = 4;
                int t = 3;
                float[] logits = new float[q * 3];
                float[] boxes = new float[q * 4];
                float[] targets = new float[t * 4];
                long[] labels = new long[t];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = (float) random.nextGaussian();
                }
                randomBoxes(random, boxes);
                randomBoxes(random, targets);
                for (int j = 0; j < t; j++) {
                    labels[j] = j == t - 1 && trial % 2 == 0 ? -1 : random.nextInt(2);
                }
                java.util.List<DetrSetLossOp.Pair> pairs = op.match(m.create(logits, new Shape(1, q, 3)),
                        m.create(boxes, new Shape(1, q, 4)), m.create(targets, new Shape(1, t, 4)),
                        m.create(labels, new Shape(1, t)));
                double[][] cost = new double[q][t];
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j < t; j++) {
                        cost[i][j] = labels[j] < 0 ? 0 : detrCost(logits, boxes, targets, (int) labels[j], i, j);
                    }
                }
                double total = pairs.stream().mapToDouble(p -> cost[p.pred()][p.target()]).sum();
                assertEquals(labels[t - 1] < 0 ? t - 1 : t, pairs.size());
                assertEquals(bestTotal(cost, 0, new boolean[q]), total, 1e-5);
            }
        }
    }

    /** 1·(−softmax(logits_i)[label]) + 5·|b_i − g_j|₁ + 2·(−GIoU), as DETR's matcher. */
    private static double detrCost(float[] logits, float[] boxes, float[] targets, int label, int i, int j) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += Math.exp(logits[i * 3 + k]);
        }
        double[] p = {boxes[i * 4], boxes[i * 4 + 1], boxes[i * 4 + 2], boxes[i * 4 + 3]};
        double[] g = {targets[j * 4], targets[j * 4 + 1], targets[j * 4 + 2], targets[j * 4 + 3]};
        double l1 = 0;
        for (int d = 0; d < 4; d++) {
            l1 += Math.abs(p[d] - g[d]);
        }
        return -Math.exp(logits[i * 3 + label]) / sum + 5 * l1 - 2 * BoxOps.giou(p, g);
    }

    /** Minimum total over every permutation assigning targets j.. to distinct queries (padding costs 0). */
    private static double bestTotal(double[][] cost, int j, boolean[] used) {
        if (j == cost[0].length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < cost.length; i++) {
            if (!used[i]) {
                used[i] = true;
                best = Math.min(best, cost[i][j] + bestTotal(cost, j + 1, used));
                used[i] = false;
            }
        }
        return best;
    }

    private static void randomBoxes(java.util.Random random, float[] out) {
        for (int o = 0; o < out.length; o += 4) {
            out[o] = random.nextFloat() * 0.6f;
            out[o + 1] = random.nextFloat() * 0.6f;
            out[o + 2] = out[o] + 0.05f + random.nextFloat() * 0.35f;
            out[o + 3] = out[o + 1] + 0.05f + random.nextFloat() * 0.35f;
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
