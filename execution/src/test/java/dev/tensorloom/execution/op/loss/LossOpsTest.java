package dev.tensorloom.execution.op.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tensorloom.execution.op.transformer.TransformerTestHarness;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loss ops against their formulas computed by hand in double precision. */
class LossOpsTest {
    private static final int N = 6;
    private static final int C = 5;

    /** −log softmax(logits[n])[label[n]] for one position. */
    private static double nll(float[] logits, int n, long label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < C; c++) {
            max = Math.max(max, logits[n * C + c]);
        }
        double sum = 0;
        for (int c = 0; c < C; c++) {
            sum += Math.exp(logits[n * C + c] - max);
        }
        return -(logits[n * C + (int) label] - max - Math.log(sum));
    }

    @Test
    void crossEntropyIsMeanNegativeLogSoftmaxOfTheLabel() {
        Random rnd = new Random(37);
        float[] logits = TransformerTestHarness.random(rnd, N * C);
        long[] labels = {0, 4, 2, 2, 1, 3};
        try (TransformerTestHarness h = new TransformerTestHarness("cross_entropy", Map.of())) {
            NDArray pred = h.input(logits, 2, 3, C);
            pred.setRequiresGradient(true);
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                loss = h.forward1(pred, h.manager().create(labels, new Shape(2, 3)));
                gc.backward(loss);
            }
            double expected = 0;
            for (int n = 0; n < N; n++) {
                expected += nll(logits, n, labels[n]) / N;
            }
            assertEquals(new Shape(), loss.getShape());
            assertEquals(expected, loss.getFloat(), 1e-5);
            // d loss / d logits = (softmax − one-hot) / N
            float[] grad = pred.getGradient().toFloatArray();
            for (int n = 0; n < N; n++) {
                for (int c = 0; c < C; c++) {
                    double softmax = Math.exp(-nll(logits, n, c));
                    assertEquals((softmax - (labels[n] == c ? 1 : 0)) / N, grad[n * C + c], 1e-6);
                }
            }
        }
    }

    @Test
    void crossEntropyLeavesIgnoredLabelsOutOfSumAndCount() {
        Random rnd = new Random(41);
        float[] logits = TransformerTestHarness.random(rnd, N * C);
        long[] labels = {0, 7, 2, 7, 1, 3};
        try (TransformerTestHarness h = new TransformerTestHarness("cross_entropy", Map.of("ignore_index", 7L))) {
            float loss = h.forward1(h.input(logits, N, C), h.manager().create(labels)).getFloat();
            double expected = 0;
            for (int n : new int[] {0, 2, 4, 5}) {
                expected += nll(logits, n, labels[n]) / 4;
            }
            assertEquals(expected, loss, 1e-5);
        }
    }

    @Test
    void squaredErrorLossesAreTheMeanOverEveryElement() {
        Random rnd = new Random(43);
        float[] pred = TransformerTestHarness.random(rnd, 24);
        float[] target = TransformerTestHarness.random(rnd, 24);
        double expected = 0;
        for (int k = 0; k < 24; k++) {
            expected += (pred[k] - target[k]) * (double) (pred[k] - target[k]) / 24;
        }
        for (String id : new String[] {"mse", "rf_velocity_mse"}) {
            try (TransformerTestHarness h = new TransformerTestHarness(id, Map.of())) {
                NDArray loss = h.forward1(h.input(pred, 2, 3, 4), h.input(target, 2, 3, 4));
                assertEquals(new Shape(), loss.getShape(), id);
                assertEquals(expected, loss.getFloat(), 1e-5, id);
            }
        }
    }

    @Test
    void flowNllIsStandardNormalNllMinusLogDetAveraged() {
        Random rnd = new Random(47);
        int b = 3;
        int d = 4;
        float[] z = TransformerTestHarness.random(rnd, b * d);
        float[] logdet = {0.5f, -1.25f, 2f};
        double expected = 0;
        for (int n = 0; n < b; n++) {
            double sq = 0;
            for (int k = 0; k < d; k++) {
                sq += z[n * d + k] * (double) z[n * d + k];
            }
            expected += (0.5 * sq + d / 2.0 * Math.log(2 * Math.PI) - logdet[n]) / b;
        }
        try (TransformerTestHarness h = new TransformerTestHarness("flow_nll", Map.of())) {
            assertEquals(expected, h.forward1(h.input(z, b, d), h.input(logdet, b)).getFloat(), 1e-5);
        }
    }
}
