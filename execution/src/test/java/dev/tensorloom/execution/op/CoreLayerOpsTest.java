package dev.tensorloom.execution.op;

import static dev.tensorloom.execution.op.CoreFiniteDifferences.assertClose;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.dot;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.gradient;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreLayerOpsTest {
    private static final int IN = 3;
    private static final int OUT = 2;
    private static final int ROWS = 2;

    @Test
    void linearMatchesMatrixProductAndLandsInTheNodeManager() {
        try (TestOpHarness h = TestOpHarness.of("linear", Map.of("out_features", (long) OUT))) {
            float[] x = values(ROWS * IN, 1);
            float[] w = values(OUT * IN, 2);
            float[] b = values(OUT, 3);
            NDArray input = h.input(x, ROWS, IN);
            h.initialize(input.getShape());
            h.setParameter("weight", w);
            h.setParameter("bias", b);
            NDArray y = h.forward(input).singletonOrThrow();
            h.assertInNodeManager(y);
            assertEquals(new Shape(ROWS, OUT), y.getShape());
            assertClose(linearReference(x, w, b), y.toFloatArray(), 1e-5);
        }
    }

    @Test
    void linearGradientsMatchTheAnalyticFormulasAndFiniteDifferences() {
        try (TestOpHarness h = TestOpHarness.of("linear", Map.of("out_features", (long) OUT))) {
            float[] x = values(ROWS * IN, 4);
            float[] up = values(ROWS * OUT, 5);
            NDArray input = h.input(x, ROWS, IN);
            input.setRequiresGradient(true);
            h.forwardBackward(h.input(up, ROWS, OUT), input);
            float[] w = h.param("weight").toFloatArray();
            float[] dw = h.param("weight").getGradient().toFloatArray();
            float[] db = h.param("bias").getGradient().toFloatArray();
            float[] dx = input.getGradient().toFloatArray();
            // dW = upstreamᵀ·x, db = column sums of upstream, dx = upstream·W.
            for (int o = 0; o < OUT; o++) {
                double sumB = 0;
                for (int r = 0; r < ROWS; r++) {
                    sumB += up[r * OUT + o];
                }
                assertEquals(sumB, db[o], 1e-5);
                for (int i = 0; i < IN; i++) {
                    double s = 0;
                    for (int r = 0; r < ROWS; r++) {
                        s += up[r * OUT + o] * x[r * IN + i];
                    }
                    assertEquals(s, dw[o * IN + i], 1e-5);
                }
            }
            for (int r = 0; r < ROWS; r++) {
                for (int i = 0; i < IN; i++) {
                    double s = 0;
                    for (int o = 0; o < OUT; o++) {
                        s += up[r * OUT + o] * w[o * IN + i];
                    }
                    assertEquals(s, dx[r * IN + i], 1e-5);
                }
            }
            double[] numeric = gradient(w, v -> {
                h.setParameter("weight", v);
                return dot(h.forward(h.input(x, ROWS, IN)).singletonOrThrow(), up);
            }, 1e-2);
            assertClose(numeric, dw, 1e-3);
        }
    }

    @Test
    void linearInitIsUniformWithinOneOverSqrtFanIn() {
        try (TestOpHarness h = TestOpHarness.of("linear", Map.of("out_features", 64L))) {
            h.initialize(new Shape(1, 16));
            float bound = 0.25f;
            float[] w = h.param("weight").toFloatArray();
            float max = 0;
            for (float v : w) {
                assertTrue(Math.abs(v) <= bound, "weight " + v);
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max > bound * 0.8f, "weights should spread over the range, max " + max);
        }
    }

    @Test
    void linearWithoutBiasAndWithWrongInFeatures() {
        try (TestOpHarness h = TestOpHarness.of("linear", Map.of("out_features", 2L, "bias", false))) {
            h.initialize(new Shape(1, 3));
            assertFalse(h.parameters().containsKey("bias"));
            h.setParameter("weight", 1, 0, 0, 0, 1, 0);
            assertArrayEquals(new float[] {5, 6}, h.forward(h.input(new float[] {5, 6, 7}, 1, 3)).singletonOrThrow().toFloatArray());
        }
        try (TestOpHarness h = TestOpHarness.of("linear", Map.of("in_features", 4L))) {
            assertThrows(IllegalArgumentException.class, () -> h.initialize(new Shape(1, 3)));
        }
    }

    @Test
    void embeddingGathersRowsAndScattersGradientsBack() {
        try (TestOpHarness h = TestOpHarness.of("embedding", Map.of("vocab", 4L, "dim", 2L))) {
            float[] table = {0, 1, 10, 11, 20, 21, 30, 31};
            NDArray ids = h.input(new long[] {1, 3, 3, 0}, 2, 2);
            h.initialize(ids.getShape());
            h.setParameter("weight", table);
            float[] up = values(8, 6);
            NDArray y = h.forwardBackward(h.input(up, 2, 2, 2), ids);
            h.assertInNodeManager(y);
            assertEquals(new Shape(2, 2, 2), y.getShape());
            assertArrayEquals(new float[] {10, 11, 30, 31, 30, 31, 0, 1}, y.toFloatArray());
            // Row r's gradient is the sum of the upstream vectors at the positions holding id r.
            float[] expected = {up[6], up[7], up[0], up[1], 0, 0, up[2] + up[4], up[3] + up[5]};
            assertClose(expected, h.param("weight").getGradient().toFloatArray(), 1e-6);
            double[] numeric = gradient(table, v -> {
                h.setParameter("weight", v);
                return dot(h.forward(h.input(new long[] {1, 3, 3, 0}, 2, 2)).singletonOrThrow(), up);
            }, 1e-2);
            assertClose(numeric, expected, 1e-4);
        }
    }

    static float[] linearReference(float[] x, float[] w, float[] b) {
        int rows = x.length / IN;
        float[] y = new float[rows * OUT];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < OUT; o++) {
                double s = b[o];
                for (int i = 0; i < IN; i++) {
                    s += x[r * IN + i] * w[o * IN + i];
                }
                y[r * OUT + o] = (float) s;
            }
        }
        return y;
    }
}
