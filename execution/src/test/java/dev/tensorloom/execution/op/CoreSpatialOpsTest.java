package dev.tensorloom.execution.op;

import static dev.tensorloom.execution.op.CoreFiniteDifferences.assertClose;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.dot;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.gradient;
import static dev.tensorloom.execution.op.CoreFiniteDifferences.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreSpatialOpsTest {
    private static final float[] GRID = {
        1, 2, 3, 4,
        5, 6, 7, 8,
        9, 10, 11, 12,
        13, 14, 15, 16};

    @Test
    void conv2dMatchesDirectConvolution() {
        for (long stride : new long[] {1, 2}) {
            try (TestOpHarness h = TestOpHarness.of("conv2d", Map.of("out_channels", 2L, "stride", stride))) {
                float[] x = values(2 * 5 * 5, 7);
                float[] w = values(2 * 2 * 3 * 3, 8);
                float[] b = {0.5f, -0.25f};
                NDArray input = h.input(x, 1, 2, 5, 5);
                h.initialize(input.getShape());
                h.setParameter("weight", w);
                h.setParameter("bias", b);
                NDArray y = h.forward(input).singletonOrThrow();
                h.assertInNodeManager(y);
                int side = (int) ((5 + 2 - 3) / stride + 1);
                assertEquals(new Shape(1, 2, side, side), y.getShape());
                assertClose(conv(x, 2, 5, w, b, 2, 3, (int) stride, 1), y.toFloatArray(), 1e-5);
            }
        }
    }

    @Test
    void conv2dWithoutBias() {
        try (TestOpHarness h = TestOpHarness.of("conv2d",
                Map.of("out_channels", 1L, "kernel", 1L, "padding", 0L, "bias", false))) {
            NDArray input = h.input(GRID, 1, 1, 4, 4);
            h.initialize(input.getShape());
            h.setParameter("weight", 2);
            assertEquals(1, h.parameters().size());
            assertEquals(32f, h.forward(input).singletonOrThrow().getFloat(0, 0, 3, 3));
        }
    }

    @Test
    void conv2dWeightGradientMatchesFiniteDifferences() {
        try (TestOpHarness h = TestOpHarness.of("conv2d", Map.of("out_channels", 1L))) {
            float[] x = values(4 * 4, 9);
            float[] up = values(4 * 4, 10);
            NDArray input = h.input(x, 1, 1, 4, 4);
            h.forwardBackward(h.input(up, 1, 1, 4, 4), input);
            float[] w = h.param("weight").toFloatArray();
            float[] dw = h.param("weight").getGradient().toFloatArray();
            float[] db = h.param("bias").getGradient().toFloatArray();
            double sumUp = 0;
            for (float u : up) {
                sumUp += u;
            }
            assertEquals(sumUp, db[0], 1e-5);
            double[] numeric = gradient(w, v -> {
                h.setParameter("weight", v);
                return dot(h.forward(h.input(x, 1, 1, 4, 4)).singletonOrThrow(), up);
            }, 1e-2);
            assertClose(numeric, dw, 1e-3);
        }
    }

    @Test
    void maxAndAveragePoolOnAKnownGrid() {
        try (TestOpHarness h = TestOpHarness.of("maxpool2d", Map.of())) {
            NDArray y = h.forward(h.input(GRID, 1, 1, 4, 4)).singletonOrThrow();
            h.assertInNodeManager(y);
            assertArrayEquals(new float[] {6, 8, 14, 16}, y.toFloatArray());
        }
        try (TestOpHarness h = TestOpHarness.of("avgpool2d", Map.of())) {
            assertArrayEquals(new float[] {3.5f, 5.5f, 11.5f, 13.5f},
                    h.forward(h.input(GRID, 1, 1, 4, 4)).singletonOrThrow().toFloatArray());
        }
        try (TestOpHarness h = TestOpHarness.of("avgpool2d", Map.of("kernel", 2L, "stride", 2L, "padding", 1L))) {
            // Windows hang over the zero border and divide by the full 4 cells: the corner is 1/4.
            NDArray y = h.forward(h.input(GRID, 1, 1, 4, 4)).singletonOrThrow();
            assertEquals(new Shape(1, 1, 3, 3), y.getShape());
            assertEquals(0.25f, y.getFloat(0, 0, 0, 0), 1e-6);
            assertEquals((6 + 7 + 10 + 11) / 4f, y.getFloat(0, 0, 1, 1), 1e-6);
        }
        try (TestOpHarness h = TestOpHarness.of("maxpool2d", Map.of("kernel", 3L, "stride", 1L, "padding", 1L))) {
            NDArray y = h.forward(h.input(GRID, 1, 1, 4, 4)).singletonOrThrow();
            assertEquals(new Shape(1, 1, 4, 4), y.getShape());
            assertEquals(6f, y.getFloat(0, 0, 0, 0));
            assertEquals(16f, y.getFloat(0, 0, 3, 3));
        }
    }

    @Test
    void adaptiveAveragePoolUsesPyTorchBins() {
        try (TestOpHarness h = TestOpHarness.of("adaptive_avgpool2d", Map.of())) {
            NDArray y = h.forward(h.input(GRID, 1, 1, 4, 4)).singletonOrThrow();
            h.assertInNodeManager(y);
            assertEquals(new Shape(1, 1, 1, 1), y.getShape());
            assertEquals(8.5f, y.getFloat(0, 0, 0, 0), 1e-6);
        }
        try (TestOpHarness h = TestOpHarness.of("adaptive_avgpool2d", Map.of("output_size", 2L))) {
            // A 3x3 grid into 2 bins per side: rows/cols [0, 2) and [1, 3), i.e. overlapping 2x2 windows.
            float[] grid = {1, 2, 3, 4, 5, 6, 7, 8, 9};
            NDArray y = h.forward(h.input(grid, 1, 1, 3, 3)).singletonOrThrow();
            assertArrayEquals(new float[] {3, 4, 6, 7}, y.toFloatArray());
        }
    }

    /** Direct 2-D convolution (cross-correlation, as in PyTorch) of one image with zero padding. */
    static float[] conv(float[] x, int cin, int side, float[] w, float[] b, int cout, int k, int stride, int pad) {
        int outSide = (side + 2 * pad - k) / stride + 1;
        float[] y = new float[cout * outSide * outSide];
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < outSide; i++) {
                for (int j = 0; j < outSide; j++) {
                    double s = b[o];
                    for (int c = 0; c < cin; c++) {
                        for (int u = 0; u < k; u++) {
                            for (int v = 0; v < k; v++) {
                                int r = i * stride + u - pad;
                                int q = j * stride + v - pad;
                                if (r >= 0 && r < side && q >= 0 && q < side) {
                                    s += x[(c * side + r) * side + q] * w[((o * cin + c) * k + u) * k + v];
                                }
                            }
                        }
                    }
                    y[(o * outSide + i) * outSide + j] = (float) s;
                }
            }
        }
        return y;
    }
}
