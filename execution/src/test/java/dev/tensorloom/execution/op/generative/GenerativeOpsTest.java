package dev.tensorloom.execution.op.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.op.TestOpHarness;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The diffusion-transformer ops against their formulas. */
class GenerativeOpsTest {
    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void pairMixesDataAndNoiseAlongAStraightLineAndRepeatsUnderTheSameSeed() {
        float[] x0 = random(new Random(1), 3 * 8);
        try (TestOpHarness h = TestOpHarness.of("rectified_flow_pair", Map.of())) {
            h.seed(7);
            NDList out = h.forward(h.input(x0, 3, 2, 4));
            float[] xt = out.get(0).toFloatArray();
            float[] t = out.get(1).toFloatArray();
            float[] v = out.get(2).toFloatArray();
            for (int b = 0; b < 3; b++) {
                assertTrue(t[b] > 0 && t[b] < 1, "logit-normal t lies in (0, 1)");
                for (int k = 0; k < 8; k++) {
                    int i = b * 8 + k;
                    double eps = v[i] + x0[i];
                    assertEquals((1 - t[b]) * x0[i] + t[b] * eps, xt[i], 1e-5);
                }
            }
            h.assertInNodeManager(out.get(0));
            h.seed(7);
            assertArrayEquals(xt, h.forward(h.input(x0, 3, 2, 4)).get(0).toFloatArray(), "a recomputation draws the same");
        }
    }

    /**
     * The rectified-flow reference: t = sigmoid(n) with n ~ N(mean, std²), so logit(t) has that mean and
     * std; ε = x_t − (1 − t)·x0 over t is standard normal; the target ε − x0 is dx_t/dt, so x_t = x0 + t·v.
     */
    @Test
    void pairDrawsLogitNormalTimeAndTheVelocityIsTheTimeDerivative() {
        int n = 4000;
        float[] x0 = random(new Random(2), n);
        try (TestOpHarness h = TestOpHarness.of("rectified_flow_pair", Map.of("mean", 0.5, "std", 0.8))) {
            h.seed(3);
            NDList out = h.forward(h.input(x0, n, 1));
            float[] xt = out.get(0).toFloatArray();
            float[] t = out.get(1).toFloatArray();
            float[] v = out.get(2).toFloatArray();
            double[] logit = new double[n];
            double[] eps = new double[n];
            for (int i = 0; i < n; i++) {
                logit[i] = Math.log(t[i] / (1 - t[i]));
                eps[i] = (xt[i] - (1 - t[i]) * x0[i]) / t[i];
                assertEquals(x0[i] + t[i] * v[i], xt[i], 1e-5);
            }
            assertEquals(0.5, mean(logit), 0.05);
            assertEquals(0.8, std(logit), 0.04);
            assertEquals(0.0, mean(eps), 0.05);
            assertEquals(1.0, std(eps), 0.05);
        }
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElseThrow());
    }

    @Test
    void timestepFeaturesAreCosinesThenSinesOfScaledTime() {
        try (TestOpHarness h = TestOpHarness.of("timestep_embed", Map.of("d_model", 8L, "freq_dim", 6L, "scale", 10.0))) {
            TimestepEmbedOp op = new TimestepEmbedOp(h.params());
            float[] f = op.features(h, h.input(new float[] {0.3f}, 1)).toFloatArray();
            for (int i = 0; i < 3; i++) {
                double arg = 3.0 * Math.exp(-Math.log(10000) * i / 3);
                assertEquals(Math.cos(arg), f[i], 1e-5);
                assertEquals(Math.sin(arg), f[3 + i], 1e-5);
            }
            assertArrayEquals(new long[] {2, 8}, h.forward(h.input(new float[] {0.1f, 0.9f}, 2)).get(0).getShape().getShape());
        }
    }

    @Test
    void unpatchifyPutsTokenChannelRowColumnAtItsPixel() {
        int p = 2;
        int c = 3;
        int gh = 2;
        int gw = 3;
        float[] tokens = new float[gh * gw * c * p * p];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i;
        }
        try (TestOpHarness h = TestOpHarness.of("unpatchify", Map.of("patch", (long) p, "channels", (long) c,
                "grid_h", (long) gh, "grid_w", (long) gw))) {
            NDArray img = h.forward(h.input(tokens, 1, gh * gw, c * p * p)).get(0);
            assertArrayEquals(new long[] {1, c, gh * p, gw * p}, img.getShape().getShape());
            float[] pixels = img.toFloatArray();
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < gh * p; y++) {
                    for (int x = 0; x < gw * p; x++) {
                        int token = (y / p) * gw + x / p;
                        float expected = tokens[token * c * p * p + ch * p * p + (y % p) * p + x % p];
                        assertEquals(expected, pixels[(ch * gh * p + y) * gw * p + x]);
                    }
                }
            }
        }
    }

    @Test
    void ditBlockStartsAsTheIdentityAndFinalLayerAsZero() {
        Random r = new Random(3);
        float[] x = random(r, 2 * 5 * 8);
        float[] cond = random(r, 2 * 8);
        try (TestOpHarness h = TestOpHarness.of("dit_block", Map.of("d_model", 8L, "heads", 2L, "hidden", 16L))) {
            assertArrayEquals(x, h.forward(h.input(x, 2, 5, 8), h.input(cond, 2, 8)).get(0).toFloatArray(), 1e-6f);
        }
        try (TestOpHarness h = TestOpHarness.of("dit_final", Map.of("d_model", 8L, "patch", 2L, "channels", 1L))) {
            float[] out = h.forward(h.input(x, 2, 5, 8), h.input(cond, 2, 8)).get(0).toFloatArray();
            assertEquals(2 * 5 * 4, out.length);
            for (float v : out) {
                assertEquals(0f, v);
            }
        }
    }

    @Test
    void ditBlockGatesAttentionAndMlpWithAdaLnModulation() {
        Random r = new Random(4);
        int d = 4;
        float[] x = random(r, 3 * d);
        float[] cond = random(r, d);
        try (TestOpHarness h = TestOpHarness.of("dit_block", Map.of("d_model", (long) d, "heads", 1L, "hidden", 8L))) {
            h.initialize(new ai.djl.ndarray.types.Shape(1, 3, d), new ai.djl.ndarray.types.Shape(1, d));
            // only the bias of gate1 is non-zero: out = x + 0.5·Attn(LN(x)), Attn with zero value weights is bv, wo·bv + bo
            float[] adaB = new float[6 * d];
            for (int i = 0; i < d; i++) {
                adaB[2 * d + i] = 0.5f;
            }
            h.setParameter("ada_b", adaB);
            h.setParameter("attn_wv", new float[d * d]);
            float[] bv = {1, 2, 3, 4};
            h.setParameter("attn_bv", bv);
            float[] wo = new float[d * d];
            for (int i = 0; i < d; i++) {
                wo[i * d + i] = 1;
            }
            h.setParameter("attn_wo", wo);
            float[] out = h.forward(h.input(x, 1, 3, d), h.input(cond, 1, d)).get(0).toFloatArray();
            for (int t = 0; t < 3; t++) {
                for (int i = 0; i < d; i++) {
                    assertEquals(x[t * d + i] + 0.5 * bv[i], out[t * d + i], 1e-5);
                }
            }
        }
    }
}
