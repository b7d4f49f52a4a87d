package dev.tensorloom.execution.op.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.op.TestOpHarness;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The spp-detector template pools in YOLOv5's SPPF form: chained stride-1 5×5 max-pools stand for the
 * 5×5, 9×9 and 13×13 pools of YOLOv4's SPP. Checked against a plain loop taking the maximum over the
 * (2r+1)² window clipped at the image border, which is what padded max-pooling computes.
 */
class SppfPoolsTest {
    private static final int SIDE = 16;

    @Test
    void chainedFiveByFivePoolsEqualNineAndThirteenWindows() {
        Random random = new Random(11);
        float[] x = new float[2 * SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        try (TestOpHarness h = TestOpHarness.of("maxpool2d", Map.of("kernel", 5L, "stride", 1L, "padding", 2L))) {
            NDArray once = h.forward(h.input(x, 1, 2, SIDE, SIDE)).singletonOrThrow();
            NDArray twice = h.forward(once).singletonOrThrow();
            NDArray thrice = h.forward(twice).singletonOrThrow();
            assertArrayEquals(windowMax(x, 2), once.toFloatArray(), 0f);
            assertArrayEquals(windowMax(x, 4), twice.toFloatArray(), 0f);
            assertArrayEquals(windowMax(x, 6), thrice.toFloatArray(), 0f);
        }
    }

    /** Per channel, the maximum over rows and columns within {@code r} of each pixel, inside the image. */
    private static float[] windowMax(float[] x, int r) {
        float[] out = new float[x.length];
        int plane = SIDE * SIDE;
        for (int c = 0; c < x.length / plane; c++) {
            for (int i = 0; i < SIDE; i++) {
                for (int j = 0; j < SIDE; j++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int y = Math.max(0, i - r); y <= Math.min(SIDE - 1, i + r); y++) {
                        for (int z = Math.max(0, j - r); z <= Math.min(SIDE - 1, j + r); z++) {
                            max = Math.max(max, x[c * plane + y * SIDE + z]);
                        }
                    }
                    out[c * plane + i * SIDE + j] = max;
                }
            }
        }
        return out;
    }
}
