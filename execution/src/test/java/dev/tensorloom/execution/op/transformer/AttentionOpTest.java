package dev.tensorloom.execution.op.transformer;

import static dev.tensorloom.execution.op.transformer.ReferenceTransformer.assertExample;
import static dev.tensorloom.execution.op.transformer.ReferenceTransformer.example;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.Params;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttentionOpTest {
    private static final int B = 2;
    private static final int T = 3;
    private static final int D = 8;
    private static final int HEADS = 2;
    private static final double TOL = 1e-5;

    private static TransformerTestHarness harness(Map<String, Object> extra, Random rnd) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("d_model", (long) D, "heads", (long) HEADS));
        values.putAll(extra);
        TransformerTestHarness h = new TransformerTestHarness("attention", values)
                .initialize(new Shape(B, T, D), null);
        h.randomizeParameters(rnd, 0.5);
        return h;
    }

    private static void checkAgainstReference(boolean causal, boolean qkNorm, int s) {
        Random rnd = new Random(7);
        try (TransformerTestHarness h = harness(Map.of("causal", causal, "qk_norm", qkNorm), rnd)) {
            float[] q = TransformerTestHarness.random(rnd, B * T * D);
            float[] kv = TransformerTestHarness.random(rnd, B * s * D);
            NDArray out = s == T ? h.forward1(h.input(q, B, T, D)) : h.forward1(h.input(q, B, T, D), h.input(kv, B, s, D));
            NDArray w = h.published("attention");
            assertEquals(new Shape(B, T, D), out.getShape());
            assertEquals(new Shape(B, HEADS, T, s), w.getShape());
            float[] weights = w.toFloatArray();
            for (int b = 0; b < B; b++) {
                double[][] query = example(q, b, T, D);
                double[][] keys = s == T ? query : example(kv, b, s, D);
                ReferenceTransformer.Attention ref = ReferenceTransformer.attention(h, "", query, keys, HEADS, causal, qkNorm);
                assertExample(ref.out(), out, b, TOL);
                for (int hd = 0; hd < HEADS; hd++) {
                    for (int i = 0; i < T; i++) {
                        for (int j = 0; j < s; j++) {
                            assertEquals(ref.weights()[hd][i][j], weights[((b * HEADS + hd) * T + i) * s + j], TOL);
                        }
                    }
                }
            }
        }
    }

    @Test
    void selfAttentionMatchesLoopReference() {
        checkAgainstReference(false, false, T);
    }

    @Test
    void causalAttentionMatchesLoopReference() {
        checkAgainstReference(true, false, T);
    }

    @Test
    void qkNormMatchesLoopReference() {
        checkAgainstReference(true, true, T);
    }

    @Test
    void crossAttentionTakesKeyLengthFromKvInput() {
        checkAgainstReference(false, false, 5);
    }

    @Test
    void causalWeightsAreLowerTriangularRowsSummingToOne() {
        Random rnd = new Random(3);
        try (TransformerTestHarness h = harness(Map.of("causal", true), rnd)) {
            h.forward1(h.input(TransformerTestHarness.random(rnd, B * T * D), B, T, D));
            float[] w = h.published("attention").toFloatArray();
            for (int row = 0; row < B * HEADS * T; row++) {
                int i = row % T;
                double sum = 0;
                for (int j = 0; j < T; j++) {
                    float v = w[row * T + j];
                    if (j > i) {
                        assertEquals(0f, v, "key " + j + " is after query " + i);
                    }
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-6);
            }
        }
    }

    @Test
    void dropoutIsOffInEvaluationAndRepeatsUnderTheSameSeed() {
        Random rnd = new Random(5);
        try (TransformerTestHarness h = harness(Map.of("dropout", 0.5), rnd)) {
            NDArray x = h.input(TransformerTestHarness.random(rnd, B * T * D), B, T, D);
            float[] eval = h.forward1(x).toFloatArray();
            double[][] ref = ReferenceTransformer.attention(h, "", example(x.toFloatArray(), 0, T, D),
                    example(x.toFloatArray(), 0, T, D), HEADS, false, false).out();
            assertExample(ref, h.forward1(x), 0, TOL);
            h.training(true);
            Engine.getInstance().setRandomSeed(11);
            float[] first = h.forward1(x).toFloatArray();
            Engine.getInstance().setRandomSeed(11);
            float[] again = h.forward1(x).toFloatArray();
            assertArrayEquals(first, again, "a reseeded recomputation draws the same mask");
            assertEquals(false, java.util.Arrays.equals(first, eval), "training applies dropout");
        }
    }

    @Test
    void headsThatDoNotDivideTheWidthAreRejected() {
        var type = BlockCatalog.standard().require("attention");
        assertThrows(IllegalArgumentException.class,
                () -> new AttentionOp(new Params(type, Map.of("d_model", 8L, "heads", 3L))));
    }

    @Test
    void parameterGradientsMatchFiniteDifferences() {
        Random rnd = new Random(13);
        try (TransformerTestHarness h = harness(Map.of("causal", true, "qk_norm", true), rnd)) {
            NDArray x = h.input(TransformerTestHarness.random(rnd, B * T * D), B, T, D);
            NDArray probe = h.input(TransformerTestHarness.random(rnd, B * T * D), B, T, D);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(h.forward1(x).mul(probe).sum());
            }
            for (String name : new String[] {"wq", "bq", "wk", "bk", "wv", "bv", "wo", "bo", "q_scale", "k_scale"}) {
                float[] grad = h.parameters().get(name).getGradient().toFloatArray();
                float[] base = h.values(name);
                for (int idx : new int[] {0, base.length / 2 + 1, base.length - 1}) {
                    double numeric = (lossWith(h, name, base, idx, 1e-2f, x, probe)
                            - lossWith(h, name, base, idx, -1e-2f, x, probe)) / 2e-2;
                    assertEquals(numeric, grad[idx], 1e-2 * Math.max(Math.abs(numeric), 0.1), name + "[" + idx + "]");
                }
                h.set(name, base);
            }
        }
    }

    private static double lossWith(TransformerTestHarness h, String name, float[] base, int idx, float delta,
            NDArray x, NDArray probe) {
        float[] v = base.clone();
        v[idx] += delta;
        h.set(name, v);
        return h.forward1(x).mul(probe).sum().getFloat();
    }
}
