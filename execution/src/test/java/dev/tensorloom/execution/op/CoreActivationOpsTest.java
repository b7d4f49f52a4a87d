package dev.tensorloom.execution.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreActivationOpsTest {
    private static final float[] X = {-2, -0.5f, 0, 1, 3};

    private static float[] apply(String id, Map<String, Object> params, float... x) {
        try (TestOpHarness h = TestOpHarness.of(id, params)) {
            NDArray y = h.forward(h.input(x, 1, x.length)).singletonOrThrow();
            h.assertInNodeManager(y);
            return y.toFloatArray();
        }
    }

    private static void assertEach(String id, Map<String, Object> params, java.util.function.DoubleUnaryOperator f) {
        float[] y = apply(id, params, X);
        for (int i = 0; i < X.length; i++) {
            assertEquals(f.applyAsDouble(X[i]), y[i], 1e-5, id + "(" + X[i] + ")");
        }
    }

    @Test
    void knownValues() {
        assertEquals(0.8413447f, apply("gelu", Map.of(), 1)[0], 1e-6);
        assertEquals(0.7310586f, apply("silu", Map.of(), 1)[0], 1e-6);
        assertEquals((float) Math.log(2), apply("softplus", Map.of(), 0)[0], 1e-6);
        assertEquals(0.5f, apply("sigmoid", Map.of(), 0)[0], 1e-7);
        assertArrayEquals(new float[] {0, 0, 0, 1, 3}, apply("relu", Map.of(), X));
    }

    @Test
    void formulasOverSeveralInputs() {
        assertEach("tanh", Map.of(), Math::tanh);
        assertEach("sigmoid", Map.of(), x -> 1 / (1 + Math.exp(-x)));
        assertEach("silu", Map.of(), x -> x / (1 + Math.exp(-x)));
        assertEach("softplus", Map.of(), x -> Math.log1p(Math.exp(x)));
        assertEach("softplus", Map.of("beta", 2.0), x -> Math.log1p(Math.exp(2 * x)) / 2);
        assertEach("gelu", Map.of("approximate", "tanh"),
                x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
        // Exact GELU x·Φ(x), with Φ(-2) = 0.0227501, Φ(-0.5) = 0.3085375, Φ(3) = 0.9986501.
        float[] exact = apply("gelu", Map.of(), X);
        assertArrayEquals(new float[] {-2 * 0.0227501f, -0.5f * 0.3085375f, 0, 0.8413447f, 3 * 0.9986501f}, exact, 1e-5f);
    }

    @Test
    void softplusStaysFiniteForLargeInputs() {
        assertEquals(100f, apply("softplus", Map.of(), 100)[0], 1e-4);
        assertEquals(100f, apply("softplus", Map.of("beta", 3.0), 100)[0], 1e-4);
    }

    @Test
    void softmaxNormalisesAlongTheAxis() {
        float[] y = apply("softmax", Map.of(), 1, 2, 3);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new float[] {(float) (Math.exp(1) / z), (float) (Math.exp(2) / z), (float) (Math.exp(3) / z)}, y, 1e-6f);
        try (TestOpHarness h = TestOpHarness.of("softmax", Map.of("axis", 1L))) {
            float[] cols = h.forward(h.input(new float[] {0, 5, 0, 5}, 1, 2, 2)).singletonOrThrow().toFloatArray();
            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, cols, 1e-6f);
        }
    }
}
