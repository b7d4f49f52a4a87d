package dev.tensorloom.execution.op.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.op.TestOpHarness;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** l1_loss, arcface_loss and rle_loss against their formulas computed by hand in double precision. */
class RegressionMetricLossOpsTest {
    private static float[] random(Random r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * r.nextGaussian());
        }
        return v;
    }

    @Test
    void l1IsTheMeanAbsoluteDifference() {
        try (TestOpHarness h = TestOpHarness.of("l1_loss", Map.of())) {
            float loss = h.forward(h.input(new float[] {1, -2, 3, 0.5f}, 2, 2), h.input(new float[] {0, 0, 1, 1}, 2, 2))
                    .get(0).getFloat();
            assertEquals((1 + 2 + 2 + 0.5) / 4, loss, 1e-6);
        }
    }

    /** The ArcFace loss by hand: cosines, margin with the standard or easy fallback, scaled softmax. */
    private static double arcface(float[] x, float[] w, long[] y, int n, int c, int d, double s, double m, boolean easy) {
        double total = 0;
        for (int b = 0; b < n; b++) {
            double[] logits = new double[c];
            for (int j = 0; j < c; j++) {
                double dot = 0;
                double nx = 0;
                double nw = 0;
                for (int k = 0; k < d; k++) {
                    dot += x[b * d + k] * w[j * d + k];
                    nx += x[b * d + k] * x[b * d + k];
                    nw += w[j * d + k] * w[j * d + k];
                }
                double cos = dot / Math.sqrt(nx * nw);
                double theta = Math.acos(cos);
                double logit = cos;
                if (j == y[b]) {
                    boolean apply = easy ? cos > 0 : theta + m < Math.PI;
                    logit = apply ? Math.cos(theta + m) : easy ? cos : cos - m * Math.sin(m);
                }
                logits[j] = s * logit;
            }
            double max = java.util.Arrays.stream(logits).max().orElseThrow();
            double sum = 0;
            for (double l : logits) {
                sum += Math.exp(l - max);
            }
            total += -(logits[(int) y[b]] - max - Math.log(sum));
        }
        return total / n;
    }

    @Test
    void arcfaceMatchesItsFormulaOnBothSidesOfThePiBoundary() {
        int n = 4;
        int c = 3;
        int d = 2;
        // example 0 and 2 point away from their class centre (θ + m > π), 1 and 3 close to it
        float[] w = {1, 0, 0, 1, -1, -1};
        float[] x = {-1, 0.05f, 0.1f, 1, 1, 1.02f, -0.9f, -1};
        long[] y = {0, 1, 2, 2};
        for (boolean easy : new boolean[] {false, true}) {
            try (TestOpHarness h = TestOpHarness.of("arcface_loss", Map.of("classes", (long) c, "scale", 30.0,
                    "margin", 0.5, "easy_margin", easy))) {
                h.initialize(new ai.djl.ndarray.types.Shape(n, d), new ai.djl.ndarray.types.Shape(n));
                h.setParameter("weight", w);
                NDArray loss = h.forward(h.input(x, n, d), h.input(y, n)).get(0);
                double expected = arcface(x, w, y, n, c, d, 30, 0.5, easy);
                assertEquals(expected, loss.getFloat(), 1e-3 * Math.max(1, expected), "easy_margin " + easy);
            }
        }
        Random r = new Random(5);
        float[] xr = random(r, 6 * 8, 1);
        float[] wr = random(r, 5 * 8, 1);
        long[] yr = {0, 4, 2, 2, 1, 3};
        try (TestOpHarness h = TestOpHarness.of("arcface_loss", Map.of("classes", 5L, "scale", 10.0, "margin", 0.3))) {
            h.initialize(new ai.djl.ndarray.types.Shape(6, 8), new ai.djl.ndarray.types.Shape(6));
            h.setParameter("weight", wr);
            assertEquals(arcface(xr, wr, yr, 6, 5, 8, 10, 0.3, false),
                    h.forward(h.input(xr, 6, 8), h.input(yr, 6)).get(0).getFloat(), 1e-4);
        }
    }

    /**
     * Reference numbers from geometry, not from the op's cos/sin algebra: the embedding lies 30° from
     * centre 0 and 60° from centre 1, so with label 0 the logits are s·cos(π/6 + m) and s·cos(π/3), and
     * the loss is log(1 + exp(s·(cos(π/3) − cos(π/6 + m)))) = 0.43435 for s = 30, m = 0.5 (the margin
     * turns a 0.99998-probability example into a 0.648 one). Without margin it is log(1 + e^−10.98).
     */
    @Test
    void arcMarginLogitsMatchReferenceAngles() {
        float[] w = {1, 0, 0, 1};
        float[] x = {(float) Math.cos(Math.PI / 6), (float) Math.sin(Math.PI / 6)};
        double[] margins = {0.5, 0.0};
        double[] expected = {0.4343501, Math.log1p(Math.exp(30 * (0.5 - Math.cos(Math.PI / 6))))};
        for (int i = 0; i < margins.length; i++) {
            try (TestOpHarness h = TestOpHarness.of("arcface_loss", Map.of("classes", 2L, "scale", 30.0,
                    "margin", margins[i]))) {
                h.initialize(new ai.djl.ndarray.types.Shape(1, 2), new ai.djl.ndarray.types.Shape(1));
                h.setParameter("weight", w);
                float loss = h.forward(h.input(x, 1, 2), h.input(new long[] {0}, 1)).get(0).getFloat();
                assertEquals(expected[i], loss, 1e-4, "margin " + margins[i]);
            }
        }
        assertEquals(Math.log1p(Math.exp(30 * (Math.cos(Math.PI / 3) - Math.cos(Math.PI / 6 + 0.5)))), expected[0], 1e-6);
    }

    /** log G(x) of the RLE RealNVP by hand, reading the op's parameters. */
    private static double flowLogProb(Map<String, NDArray> p, double[] x, int hidden) {
        double[] z = x.clone();
        double logDet = 0;
        for (int i = RleLossOp.COUPLINGS - 1; i >= 0; i--) {
            float[] mask = RealNvp2d.mask(i);
            double[] za = {z[0] * mask[0], z[1] * mask[1]};
            double[] s = mlp(p, "c" + i + "_s_", za, hidden);
            double[] t = mlp(p, "c" + i + "_t_", za, hidden);
            for (int k = 0; k < 2; k++) {
                double free = 1 - mask[k];
                double sk = Math.tanh(s[k]) * free;
                double tk = t[k] * free;
                z[k] = za[k] + free * (z[k] - tk) * Math.exp(-sk);
                logDet -= sk;
            }
        }
        return -0.5 * (z[0] * z[0] + z[1] * z[1]) - Math.log(2 * Math.PI) + logDet;
    }

    private static double[] mlp(Map<String, NDArray> p, String prefix, double[] in, int hidden) {
        double[] h1 = layer(p.get(prefix + "w1").toFloatArray(), p.get(prefix + "b1").toFloatArray(), in, hidden, true);
        double[] h2 = layer(p.get(prefix + "w2").toFloatArray(), p.get(prefix + "b2").toFloatArray(), h1, hidden, true);
        return layer(p.get(prefix + "w3").toFloatArray(), p.get(prefix + "b3").toFloatArray(), h2, 2, false);
    }

    private static double[] layer(float[] w, float[] b, double[] in, int out, boolean leaky) {
        double[] o = new double[out];
        for (int j = 0; j < out; j++) {
            double v = b[j];
            for (int k = 0; k < in.length; k++) {
                v += w[j * in.length + k] * in[k];
            }
            o[j] = leaky && v < 0 ? RealNvp2d.LEAK * v : v;
        }
        return o;
    }

    /**
     * With every flow weight zero each coupling is the identity (s = tanh 0 = 0, t = 0), so G is the
     * standard 2-D normal. One keypoint, σ = (0.5, 0.25), r = μ − gt = (0.25, −0.5), so μ̄ = (0.5, −2) and
     * log G = −½(0.25 + 4) − ln 2π = −3.96288. As the RLE code computes it: nf_loss = Σ_d (ln σ_d − log G)
     * = ln 0.125 + 2·3.96288 = 5.84631 (log G broadcast over both coordinates), logQ = Σ_d ln(σ_d·√(2π)) +
     * |r_d|/(√2·σ_d) = (−0.69315 + 0.91894 + 0.35355) + (−1.38629 + 0.91894 + 1.41421) = 1.52620; batch of
     * one, so the loss is 7.37252.
     */
    @Test
    void rleWithIdentityFlowMatchesReferenceNumbers() {
        try (TestOpHarness h = TestOpHarness.of("rle_loss", Map.of("hidden", 4L))) {
            h.initialize(new ai.djl.ndarray.types.Shape(1, 1, 2), new ai.djl.ndarray.types.Shape(1, 1, 2),
                    new ai.djl.ndarray.types.Shape(1, 1, 2));
            for (String name : h.parameters().keySet().toArray(new String[0])) {
                h.setParameter(name, new float[(int) h.parameters().get(name).size()]);
            }
            float loss = h.forward(h.input(new float[] {0.45f, 0.3f}, 1, 1, 2), h.input(new float[] {0.5f, 0.25f}, 1, 1, 2),
                    h.input(new float[] {0.2f, 0.8f}, 1, 1, 2)).get(0).getFloat();
            assertEquals(5.8463126 + 1.5262025, loss, 1e-5);
        }
    }

    @Test
    void rleIsTheReferenceNfLossPlusLogQSummedOverJointsPerExample() {
        int b = 2;
        int k = 3;
        int hidden = 8;
        Random r = new Random(9);
        float[] mu = random(r, b * k * 2, 0.3);
        float[] gt = random(r, b * k * 2, 0.3);
        float[] sigma = new float[b * k * 2];
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = (float) (0.1 + 0.8 * r.nextDouble());
        }
        try (TestOpHarness h = TestOpHarness.of("rle_loss", Map.of("hidden", (long) hidden))) {
            h.initialize(new ai.djl.ndarray.types.Shape(b, k, 2), new ai.djl.ndarray.types.Shape(b, k, 2),
                    new ai.djl.ndarray.types.Shape(b, k, 2));
            // larger weights than the near-identity start, so the flow term really is tested
            for (String name : h.parameters().keySet().toArray(new String[0])) {
                NDArray old = h.parameters().get(name);
                h.setParameter(name, random(r, (int) old.size(), 0.5));
            }
            float loss = h.forward(h.input(mu, b, k, 2), h.input(sigma, b, k, 2), h.input(gt, b, k, 2)).get(0).getFloat();
            double expected = 0;
            for (int j = 0; j < b * k; j++) {
                double[] bar = new double[2];
                for (int dd = 0; dd < 2; dd++) {
                    bar[dd] = (mu[2 * j + dd] - gt[2 * j + dd]) / sigma[2 * j + dd];
                }
                double logPhi = flowLogProb(h.parameters(), bar, hidden);
                for (int dd = 0; dd < 2; dd++) {
                    double s = sigma[2 * j + dd];
                    double nfLoss = Math.log(s) - logPhi;
                    double logQ = Math.log(s * Math.sqrt(2 * Math.PI)) + Math.abs(mu[2 * j + dd] - gt[2 * j + dd])
                            / (Math.sqrt(2) * s + 1e-9);
                    expected += nfLoss + logQ;
                }
            }
            expected /= b;
            assertEquals(expected, loss, 1e-4 * Math.max(1, Math.abs(expected)));
            assertTrue(Double.isFinite(loss));
        }
    }
}
