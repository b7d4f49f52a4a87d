package dev.tensorloom.execution.op;

import static dev.tensorloom.execution.op.CoreFiniteDifferences.assertClose;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.dot;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.gradient;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreNormOpsTest {
    @Test
    void layerNormOfOneTwoThree() {
        try (TestOpHarness h = TestOpHarness.of("layernorm", Map.of())) {
            NDArray y = h.forward(h.input(new float[] {1, 2, 3}, 1, 3)).singletonOrThrow();
            h.assertInNodeManager(y);
            assertArrayEquals(new float[] {-1.2247357f, 0, 1.2247357f}, y.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void layerNormMatchesReferenceAndFiniteDifferences() {
        try (TestOpHarness h = TestOpHarness.of("layernorm", Map.of())) {
            float[] x = values(2 * 4, 11);
            float[] gamma = {1.5f, -0.5f, 2, 1};
            float[] beta = {0.1f, 0.2f, 0.3f, 0.4f};
            float[] up = values(2 * 4, 12);
            NDArray input = h.input(x, 2, 4);
            h.initialize(input.getShape());
            h.setParameter("gamma", gamma);
            h.setParameter("beta", beta);
            input.setRequiresGradient(true);
            NDArray y = h.forwardBackward(h.input(up, 2, 4), input);
            assertClose(normReference(x, 4, gamma, beta, 1e-5, true), y.toFloatArray(), 1e-5);
            float[] dGamma = h.param("gamma").getGradient().toFloatArray();
            float[] dBeta = h.param("beta").getGradient().toFloatArray();
            float[] dx = input.getGradient().toFloatArray();
            assertClose(gradient(gamma, v -> dot(normOf(h, "gamma", v, x, 2, 4), up), 1e-2), dGamma, 1e-3);
            assertClose(gradient(beta, v -> dot(normOf(h, "beta", v, x, 2, 4), up), 1e-2), dBeta, 1e-3);
            h.setParameter("gamma", gamma);
            h.setParameter("beta", beta);
            assertClose(gradient(x, v -> dot(h.forward(h.input(v, 2, 4)).singletonOrThrow(), up), 1e-2), dx, 2e-3);
        }
    }

    @Test
    void rmsNormMatchesReferenceAndFiniteDifferences() {
        try (TestOpHarness h = TestOpHarness.of("rmsnorm", Map.of())) {
            float[] x = values(3 * 4, 13);
            float[] w = {1, 2, 0.5f, -1};
            float[] up = values(3 * 4, 14);
            NDArray input = h.input(x, 3, 4);
            h.initialize(input.getShape());
            h.setParameter("weight", w);
            input.setRequiresGradient(true);
            NDArray y = h.forwardBackward(h.input(up, 3, 4), input);
            h.assertInNodeManager(y);
            assertClose(normReference(x, 4, w, new float[4], 1e-6, false), y.toFloatArray(), 1e-5);
            float[] dw = h.param("weight").getGradient().toFloatArray();
            float[] dx = input.getGradient().toFloatArray();
            assertClose(gradient(w, v -> dot(normOf(h, "weight", v, x, 3, 4), up), 1e-2), dw, 1e-3);
            h.setParameter("weight", w);
            assertClose(gradient(x, v -> dot(h.forward(h.input(v, 3, 4)).singletonOrThrow(), up), 1e-2), dx, 2e-3);
        }
    }

    @Test
    void batchNormNormalisesPerChannelAndMovesRunningStatistics() {
        try (TestOpHarness h = TestOpHarness.of("batchnorm", Map.of())) {
            // [B=2, C=2, L=2]: channel 0 holds 1, 2, 3, 4 and channel 1 holds 10, 10, 20, 20.
            float[] x = {1, 2, 10, 10, 3, 4, 20, 20};
            NDArray y = h.forward(h.input(x, 2, 2, 2)).singletonOrThrow();
            h.assertInNodeManager(y);
            double s0 = Math.sqrt(1.25 + 1e-5);
            double s1 = Math.sqrt(25 + 1e-5);
            float[] expected = {(float) (-1.5 / s0), (float) (-0.5 / s0), (float) (-5 / s1), (float) (-5 / s1),
                (float) (0.5 / s0), (float) (1.5 / s0), (float) (5 / s1), (float) (5 / s1)};
            assertClose(expected, y.toFloatArray(), 1e-5);
            // running = 0.9·running + 0.1·batch, with the unbiased variance (n = 4).
            assertArrayEquals(new float[] {0.25f, 1.5f}, h.buffers().get("running_mean").toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0.9f + 0.1f * 5 / 3f, 0.9f + 0.1f * 100 / 3f},
                    h.buffers().get("running_var").toFloatArray(), 1e-5f);

            h.recomputing(true).forward(h.input(x, 2, 2, 2));
            assertArrayEquals(new float[] {0.25f, 1.5f}, h.buffers().get("running_mean").toFloatArray(), 1e-6f);

            h.recomputing(false).training(false);
            float[] eval = h.forward(h.input(new float[] {0.25f, 1.5f}, 1, 2)).singletonOrThrow().toFloatArray();
            assertArrayEquals(new float[] {0, 0}, eval, 1e-6f);
        }
    }

    @Test
    void groupNormMatchesReference() {
        try (TestOpHarness h = TestOpHarness.of("groupnorm", Map.of("groups", 2L))) {
            float[] x = values(2 * 4 * 3, 15);
            float[] gamma = {1, 2, 3, 4};
            float[] beta = {0, 1, 0, -1};
            NDArray input = h.input(x, 2, 4, 3);
            h.initialize(input.getShape());
            h.setParameter("gamma", gamma);
            h.setParameter("beta", beta);
            NDArray y = h.forward(input).singletonOrThrow();
            h.assertInNodeManager(y);
            // Each example's group is 2 channels × 3 positions = 6 consecutive values.
            float[] normalised = normReference(x, 6, new float[] {1, 1, 1, 1, 1, 1}, new float[6], 1e-5, true);
            float[] expected = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                int c = (i / 3) % 4;
                expected[i] = normalised[i] * gamma[c] + beta[c];
            }
            assertClose(expected, y.toFloatArray(), 1e-5);
        }
        try (TestOpHarness h = TestOpHarness.of("groupnorm", Map.of("groups", 3L))) {
            assertThrows(IllegalArgumentException.class, () -> h.initialize(new Shape(1, 4, 2)));
        }
    }

    @Test
    void dropoutIsIdentityInEvalAndRepeatsItsMaskUnderTheSameSeed() {
        float[] x = new float[2000];
        java.util.Arrays.fill(x, 1f);
        try (TestOpHarness h = TestOpHarness.of("dropout", Map.of("p", 0.25))) {
            h.training(false);
            assertArrayEquals(x, h.forward(h.input(x, 1, 2000)).singletonOrThrow().toFloatArray());
            h.training(true);
            h.seed(42);
            NDArray first = h.forward(h.input(x, 1, 2000)).singletonOrThrow();
            h.assertInNodeManager(first);
            h.seed(42);
            float[] again = h.forward(h.input(x, 1, 2000)).singletonOrThrow().toFloatArray();
            float[] y = first.toFloatArray();
            assertArrayEquals(y, again);
            int dropped = 0;
            for (float v : y) {
                assertTrue(v == 0f || Math.abs(v - 1 / 0.75f) < 1e-6, "kept values are scaled by 1/(1-p): " + v);
                dropped += v == 0f ? 1 : 0;
            }
            assertEquals(500, dropped, 80, "about p of the elements are dropped");
        }
    }

    private static NDArray normOf(TestOpHarness h, String param, float[] value, float[] x, long rows, long cols) {
        h.setParameter(param, value);
        return h.forward(h.input(x, rows, cols)).singletonOrThrow();
    }

    /**
     * Row-wise normalisation over groups of {@code n} consecutive values: (x − mean)/sqrt(var + eps) when
     * {@code centre}, else x/sqrt(mean(x²) + eps); then · scale + shift per position in the group.
     */
    static float[] normReference(float[] x, int n, float[] scale, float[] shift, double eps, boolean centre) {
        float[] y = new float[x.length];
        for (int r = 0; r < x.length / n; r++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[r * n + i];
            }
            mean = centre ? mean / n : 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double d = x[r * n + i] - mean;
                sq += d * d;
            }
            double denom = Math.sqrt(sq / n + eps);
            for (int i = 0; i < n; i++) {
                y[r * n + i] = (float) ((x[r * n + i] - mean) / denom * scale[i] + shift[i]);
            }
        }
        return y;
    }
}
