package dev.tensorloom.execution.op.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;

/**
 * Plain-Java, double-precision loops for the Transformer pieces, one example at a time, reading the
 * same weights as the DJL ops. The ops are checked against these.
 */
final class ReferenceTransformer {
    private ReferenceTransformer() {
    }

    /** Attention output [T][d] and weights [heads][T][S] of one example. */
    record Attention(double[][] out, double[][][] weights) {
    }

    /** Example {@code b} of a row-major [B, length, width] array. */
    static double[][] example(float[] flat, int b, int length, int width) {
        double[][] x = new double[length][width];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < width; j++) {
                x[i][j] = flat[(b * length + i) * width + j];
            }
        }
        return x;
    }

    /** x·Wᵀ + b with W stored [out][in]. */
    static double[][] linear(double[][] x, float[] w, float[] bias) {
        int out = bias.length;
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int n = 0; n < x.length; n++) {
            for (int o = 0; o < out; o++) {
                double s = bias[o];
                for (int i = 0; i < in; i++) {
                    s += x[n][i] * w[o * in + i];
                }
                y[n][o] = s;
            }
        }
        return y;
    }

    static Attention attention(TransformerTestHarness h, String prefix, double[][] query, double[][] keyValue,
            int heads, boolean causal, boolean qkNorm) {
        double[][] q = linear(query, h.values(name(prefix, "wq")), h.values(name(prefix, "bq")));
        double[][] k = linear(keyValue, h.values(name(prefix, "wk")), h.values(name(prefix, "bk")));
        double[][] v = linear(keyValue, h.values(name(prefix, "wv")), h.values(name(prefix, "bv")));
        int t = query.length;
        int s = keyValue.length;
        int d = q[0].length;
        int dh = d / heads;
        double[][] merged = new double[t][d];
        double[][][] weights = new double[heads][t][s];
        for (int hd = 0; hd < heads; hd++) {
            int off = hd * dh;
            double[][] qh = slice(q, off, dh);
            double[][] kh = slice(k, off, dh);
            if (qkNorm) {
                qh = rmsNorm(qh, h.values(name(prefix, "q_scale")));
                kh = rmsNorm(kh, h.values(name(prefix, "k_scale")));
            }
            for (int i = 0; i < t; i++) {
                double[] row = new double[s];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < s; j++) {
                    double dot = 0;
                    for (int c = 0; c < dh; c++) {
                        dot += qh[i][c] * kh[j][c];
                    }
                    row[j] = causal && j > i ? Double.NEGATIVE_INFINITY : dot / Math.sqrt(dh);
                    max = Math.max(max, row[j]);
                }
                double sum = 0;
                for (int j = 0; j < s; j++) {
                    row[j] = Math.exp(row[j] - max);
                    sum += row[j];
                }
                for (int j = 0; j < s; j++) {
                    weights[hd][i][j] = row[j] / sum;
                    for (int c = 0; c < dh; c++) {
                        merged[i][off + c] += weights[hd][i][j] * v[j][off + c];
                    }
                }
            }
        }
        return new Attention(linear(merged, h.values(name(prefix, "wo")), h.values(name(prefix, "bo"))), weights);
    }

    static double[][] layerNorm(TransformerTestHarness h, String prefix, double[][] x) {
        float[] g = h.values(name(prefix, "gamma"));
        float[] b = h.values(name(prefix, "beta"));
        double[][] y = new double[x.length][];
        for (int n = 0; n < x.length; n++) {
            double mean = 0;
            for (double e : x[n]) {
                mean += e / x[n].length;
            }
            double var = 0;
            for (double e : x[n]) {
                var += (e - mean) * (e - mean) / x[n].length;
            }
            y[n] = new double[x[n].length];
            for (int j = 0; j < x[n].length; j++) {
                y[n][j] = (x[n][j] - mean) / Math.sqrt(var + 1e-5) * g[j] + b[j];
            }
        }
        return y;
    }

    static double[][] feedForward(TransformerTestHarness h, String prefix, double[][] x, String activation) {
        double[][] hidden = linear(x, h.values(name(prefix, "w1")), h.values(name(prefix, "b1")));
        for (double[] row : hidden) {
            for (int j = 0; j < row.length; j++) {
                double u = row[j];
                row[j] = switch (activation) {
                    case "relu" -> Math.max(0, u);
                    case "gelu" -> 0.5 * u * (1 + erf(u / Math.sqrt(2)));
                    case "silu" -> u / (1 + Math.exp(-u));
                    default -> throw new IllegalArgumentException(activation);
                };
            }
        }
        return linear(hidden, h.values(name(prefix, "w2")), h.values(name(prefix, "b2")));
    }

    static double[][] add(double[][] a, double[][] b) {
        double[][] y = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                y[i][j] = a[i][j] + b[i][j];
            }
        }
        return y;
    }

    /** Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7), enough for a 1e-5 comparison. */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double y = 1 - poly * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }

    /** Asserts that example {@code b} of {@code actual} [B, L, W] equals {@code expected} [L][W]. */
    static void assertExample(double[][] expected, NDArray actual, int b, double tol) {
        float[] flat = actual.toFloatArray();
        int length = expected.length;
        int width = expected[0].length;
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < width; j++) {
                assertEquals(expected[i][j], flat[(b * length + i) * width + j], tol, "example " + b + " at [" + i + ", " + j + "]");
            }
        }
    }

    private static String name(String prefix, String n) {
        return TransformerInit.scoped(prefix, n);
    }

    private static double[][] slice(double[][] x, int off, int width) {
        double[][] y = new double[x.length][width];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], off, y[i], 0, width);
        }
        return y;
    }

    private static double[][] rmsNorm(double[][] x, float[] scale) {
        double[][] y = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            double ms = 0;
            for (double e : x[i]) {
                ms += e * e / x[i].length;
            }
            for (int j = 0; j < x[i].length; j++) {
                y[i][j] = x[i][j] / Math.sqrt(ms + 1e-6) * scale[j];
            }
        }
        return y;
    }
}
