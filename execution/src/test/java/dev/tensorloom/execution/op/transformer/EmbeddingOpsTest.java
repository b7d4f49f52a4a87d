package dev.tensorloom.execution.op.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Position encodings and patch embedding against their formulas. */
class EmbeddingOpsTest {
    @Test
    void sinusoidalTableFollowsTheFormula() {
        int d = 8;
        float[] table = PositionTables.sinusoidal(6, d);
        for (int[] pi : new int[][] {{0, 0}, {1, 0}, {3, 2}, {5, 3}}) {
            int p = pi[0];
            int i = pi[1];
            double angle = p / Math.pow(10000, 2.0 * i / d);
            assertEquals(Math.sin(angle), table[p * d + 2 * i], 1e-6, "PE[" + p + ", " + 2 * i + "]");
            assertEquals(Math.cos(angle), table[p * d + 2 * i + 1], 1e-6, "PE[" + p + ", " + (2 * i + 1) + "]");
        }
    }

    @Test
    void sinusoidalOpAddsTableAndScalesInput() {
        try (TransformerTestHarness plain = new TransformerTestHarness("sinusoidal_pos", Map.of());
                TransformerTestHarness scaled = new TransformerTestHarness("sinusoidal_pos", Map.of("scale_input", true))) {
            float[] ones = new float[2 * 5 * 6];
            java.util.Arrays.fill(ones, 1f);
            float[] table = PositionTables.sinusoidal(5, 6);
            float[] a = plain.forward1(plain.input(ones, 2, 5, 6)).toFloatArray();
            float[] b = scaled.forward1(scaled.input(ones, 2, 5, 6)).toFloatArray();
            for (int k = 0; k < a.length; k++) {
                assertEquals(1 + table[k % 30], a[k], 1e-6);
                assertEquals(Math.sqrt(6) + table[k % 30], b[k], 1e-5);
            }
        }
    }

    @Test
    void sinCos2dEncodesRowsInFirstHalfAndColumnsInSecond() {
        int gh = 3;
        int gw = 4;
        int d = 8;
        float[] table = PositionTables.sinCos2d(gh, gw, d);
        double omega1 = Math.pow(10000, -1.0 / 2);
        for (int r = 0; r < gh; r++) {
            for (int c = 0; c < gw; c++) {
                int row = (r * gw + c) * d;
                assertEquals(Math.sin(r), table[row], 1e-6);
                assertEquals(Math.sin(r * omega1), table[row + 1], 1e-6);
                assertEquals(Math.cos(r), table[row + 2], 1e-6);
                assertEquals(Math.cos(r * omega1), table[row + 3], 1e-6);
                assertEquals(Math.sin(c), table[row + 4], 1e-6);
                assertEquals(Math.sin(c * omega1), table[row + 5], 1e-6);
                assertEquals(Math.cos(c), table[row + 6], 1e-6);
                assertEquals(Math.cos(c * omega1), table[row + 7], 1e-6);
            }
        }
        try (TransformerTestHarness h = new TransformerTestHarness("sincos2d_pos", Map.of("grid_h", 3L, "grid_w", 4L))) {
            float[] out = h.forward1(h.input(new float[gh * gw * d], 1, gh * gw, d)).toFloatArray();
            for (int k = 0; k < out.length; k++) {
                assertEquals(table[k], out[k], 1e-6);
            }
        }
    }

    @Test
    void learnedPositionsAddTheFirstRowsAndTrainOnlyThose() {
        Random rnd = new Random(29);
        try (TransformerTestHarness h = new TransformerTestHarness("learned_pos", Map.of("max_len", 512L))
                .initialize(new Shape(2, 3, 8))) {
            float[] init = h.values("table");
            double var = 0;
            for (float v : init) {
                var += v * v / init.length;
            }
            assertEquals(0.02, Math.sqrt(var), 0.002, "normal init with std 0.02");
            float[] x = TransformerTestHarness.random(rnd, 2 * 3 * 8);
            NDArray out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = h.forward1(h.input(x, 2, 3, 8));
                gc.backward(out.sum());
            }
            float[] o = out.toFloatArray();
            for (int k = 0; k < o.length; k++) {
                assertEquals(x[k] + init[k % 24], o[k], 1e-6);
            }
            float[] grad = h.parameters().get("table").getGradient().toFloatArray();
            for (int k = 0; k < grad.length; k++) {
                assertEquals(k < 24 ? 2f : 0f, grad[k], "row " + k / 8);
            }
        }
    }

    @Test
    void patchEmbedEqualsUnfoldTimesWeight() {
        int b = 2;
        int c = 3;
        int hgt = 4;
        int wid = 6;
        int p = 2;
        int d = 5;
        Random rnd = new Random(31);
        try (TransformerTestHarness h = new TransformerTestHarness("patch_embed", Map.of("patch", (long) p, "d_model", (long) d))
                .initialize(new Shape(b, c, hgt, wid))) {
            h.randomizeParameters(rnd, 0.5);
            float[] x = TransformerTestHarness.random(rnd, b * c * hgt * wid);
            NDArray out = h.forward1(h.input(x, b, c, hgt, wid));
            int gw = wid / p;
            int tokens = (hgt / p) * gw;
            assertEquals(new Shape(b, tokens, d), out.getShape());
            float[] w = h.values("weight");
            float[] bias = h.values("bias");
            float[] o = out.toFloatArray();
            for (int n = 0; n < b; n++) {
                for (int tok = 0; tok < tokens; tok++) {
                    // the patch unfolded as (channel, row, column), matching the weight's [d, C, p, p] layout
                    double[] patch = new double[c * p * p];
                    for (int ch = 0; ch < c; ch++) {
                        for (int i = 0; i < p; i++) {
                            for (int j = 0; j < p; j++) {
                                int y = (tok / gw) * p + i;
                                int xx = (tok % gw) * p + j;
                                patch[(ch * p + i) * p + j] = x[((n * c + ch) * hgt + y) * wid + xx];
                            }
                        }
                    }
                    for (int e = 0; e < d; e++) {
                        double s = bias[e];
                        for (int k = 0; k < patch.length; k++) {
                            s += w[e * patch.length + k] * patch[k];
                        }
                        assertEquals(s, o[(n * tokens + tok) * d + e], 1e-5);
                    }
                }
            }
            assertTrue(h.parameters().get("weight").getShape().equals(new Shape(d, c, p, p)));
        }
    }
}
