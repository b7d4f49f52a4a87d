package dev.tensorloom.execution.op.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.FamilyTestHarness;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SppOpTest {
    @Test
    void poolsAFiveBySevenMapLikeAPlainLoop() {
        int b = 2;
        int c = 3;
        int h = 5;
        int w = 7;
        Random random = new Random(3);
        float[] x = new float[b * c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        try (FamilyTestHarness harness = new FamilyTestHarness("spp", Map.of())) {
            NDArray in = harness.manager().create(x, new Shape(b, c, h, w));
            NDArray out = harness.forward(in).singletonOrThrow();
            assertEquals(new Shape(b, 21L * c), out.getShape());
            assertArrayEquals(reference(x, b, c, h, w), out.toFloatArray(), 0f);
        }
    }

    @Test
    void binEdgesCoverEveryRowEvenWhenSmallerThanTheGrid() {
        // a 1-pixel axis split 4 ways: every bin is [0, 1)
        for (int i = 0; i < 4; i++) {
            assertEquals(0, SppOp.start(i, 1, 4));
            assertEquals(1, SppOp.end(i, 1, 4));
        }
        // 5 rows in 2 bins: [0, 3) and [2, 5) — the middle row belongs to both
        assertEquals(3, SppOp.end(0, 5, 2));
        assertEquals(2, SppOp.start(1, 5, 2));
    }

    /** Bin i of n over size S spans [floor(i·S/n), ceil((i+1)·S/n)); level-major, then channel, then bin. */
    private static float[] reference(float[] x, int b, int c, int h, int w) {
        float[] out = new float[b * 21 * c];
        for (int bi = 0; bi < b; bi++) {
            int o = bi * 21 * c;
            for (int n : new int[] {1, 2, 4}) {
                for (int ch = 0; ch < c; ch++) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            int r0 = (int) Math.floor((double) i * h / n);
                            int r1 = (int) Math.ceil((double) (i + 1) * h / n);
                            int c0 = (int) Math.floor((double) j * w / n);
                            int c1 = (int) Math.ceil((double) (j + 1) * w / n);
                            float max = Float.NEGATIVE_INFINITY;
                            for (int r = r0; r < r1; r++) {
                                for (int col = c0; col < c1; col++) {
                                    max = Math.max(max, x[((bi * c + ch) * h + r) * w + col]);
                                }
                            }
                            out[o++] = max;
                        }
                    }
                }
            }
        }
        return out;
    }
}
