package dev.tensorloom.execution.op.transformer;

import static dev.tensorloom.execution.op.transformer.ReferenceTransformer.add;
import static dev.tensorloom.execution.op.transformer.ReferenceTransformer.assertExample;
import static dev.tensorloom.execution.op.transformer.ReferenceTransformer.example;
import static dev.tensorloom.execution.op.transformer.ReferenceTransformer.layerNorm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Feed-forward, encoder and decoder layers against compositions of the loop reference primitives. */
class TransformerLayerOpsTest {
    private static final int B = 2;
    private static final int T = 3;
    private static final int S = 4;
    private static final int D = 8;
    private static final int HIDDEN = 12;
    private static final double TOL = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"relu", "gelu", "silu"})
    void feedForwardMatchesReference(String activation) {
        Random rnd = new Random(17);
        try (TransformerTestHarness h = new TransformerTestHarness("feedforward",
                Map.of("d_model", (long) D, "hidden", (long) HIDDEN, "activation", activation))
                .initialize(new Shape(B, T, D))) {
            h.randomizeParameters(rnd, 0.5);
            float[] x = TransformerTestHarness.random(rnd, B * T * D);
            NDArray out = h.forward1(h.input(x, B, T, D));
            for (int b = 0; b < B; b++) {
                assertExample(ReferenceTransformer.feedForward(h, "", example(x, b, T, D), activation), out, b, TOL);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pre", "post"})
    void encoderBlockIsResidualAttentionThenMlp(String norm) {
        Random rnd = new Random(19);
        try (TransformerTestHarness h = new TransformerTestHarness("encoder_block", Map.of("d_model", (long) D,
                "heads", 2L, "hidden", (long) HIDDEN, "norm", norm, "causal", true)).initialize(new Shape(B, T, D))) {
            h.randomizeParameters(rnd, 0.5);
            float[] x = TransformerTestHarness.random(rnd, B * T * D);
            NDArray out = h.forward1(h.input(x, B, T, D));
            assertEquals(new Shape(B, 2, T, T), h.published("attention").getShape());
            for (int b = 0; b < B; b++) {
                double[][] in = example(x, b, T, D);
                double[][] expected;
                if (norm.equals("pre")) {
                    double[][] n1 = layerNorm(h, "ln1", in);
                    double[][] h1 = add(in, ReferenceTransformer.attention(h, "attn", n1, n1, 2, true, false).out());
                    expected = add(h1, ReferenceTransformer.feedForward(h, "ffn", layerNorm(h, "ln2", h1), "gelu"));
                } else {
                    double[][] h1 = layerNorm(h, "ln1", add(in, ReferenceTransformer.attention(h, "attn", in, in, 2, true, false).out()));
                    expected = layerNorm(h, "ln2", add(h1, ReferenceTransformer.feedForward(h, "ffn", h1, "gelu")));
                }
                assertExample(expected, out, b, TOL);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"pre, true", "post, true", "pre, false", "post, false"})
    void decoderBlockAddsSelfAttentionCrossAttentionAndMlp(String norm, boolean causal) {
        Random rnd = new Random(23);
        try (TransformerTestHarness h = new TransformerTestHarness("decoder_block", Map.of("d_model", (long) D,
                "heads", 2L, "hidden", (long) HIDDEN, "norm", norm, "causal", causal)).initialize(new Shape(B, T, D), new Shape(B, S, D))) {
            h.randomizeParameters(rnd, 0.5);
            float[] x = TransformerTestHarness.random(rnd, B * T * D);
            float[] m = TransformerTestHarness.random(rnd, B * S * D);
            NDArray out = h.forward1(h.input(x, B, T, D), h.input(m, B, S, D));
            assertEquals(new Shape(B, 2, T, T), h.published("attention").getShape());
            assertEquals(new Shape(B, 2, T, S), h.published("cross_attention").getShape());
            for (int b = 0; b < B; b++) {
                double[][] in = example(x, b, T, D);
                double[][] mem = example(m, b, S, D);
                double[][] expected;
                if (norm.equals("pre")) {
                    double[][] n1 = layerNorm(h, "ln1", in);
                    double[][] h1 = add(in, ReferenceTransformer.attention(h, "self", n1, n1, 2, causal, false).out());
                    double[][] h2 = add(h1, ReferenceTransformer.attention(h, "cross", layerNorm(h, "ln2", h1), mem, 2, false, false).out());
                    expected = add(h2, ReferenceTransformer.feedForward(h, "ffn", layerNorm(h, "ln3", h2), "gelu"));
                } else {
                    double[][] h1 = layerNorm(h, "ln1", add(in, ReferenceTransformer.attention(h, "self", in, in, 2, causal, false).out()));
                    double[][] h2 = layerNorm(h, "ln2", add(h1, ReferenceTransformer.attention(h, "cross", h1, mem, 2, false, false).out()));
                    expected = layerNorm(h, "ln3", add(h2, ReferenceTransformer.feedForward(h, "ffn", h2, "gelu")));
                }
                assertExample(expected, out, b, TOL);
            }
        }
    }
}
