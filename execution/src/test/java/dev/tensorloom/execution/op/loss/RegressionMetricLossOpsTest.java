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

    @Test
    void rleIsLogSigmaMinusFlowLogDensityPlusLaplaceResidual() {
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
                double term = 0;
                for (int dd = 0; dd < 2; dd++) {
                    double s = sigma[2 * j + dd] + RleLossOp.SIGMA_EPS;
                    bar[dd] = (mu[2 * j + dd] - gt[2 * j + dd]) / s;
                    term += Math.log(s) + Math.log(2) + Math.abs(bar[dd]);
                }
                expected += term - flowLogProb(h.parameters(), bar, hidden);
            }
            expected /= b * k;
            assertEquals(expected, loss, 1e-4 * Math.max(1, Math.abs(expected)));
            assertTrue(Double.isFinite(loss));
        }
    }
}
