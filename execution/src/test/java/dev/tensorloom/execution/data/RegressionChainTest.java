package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionChainTest {

    @Test
    void targetIsTanhOfXW1TimesW2ComputedByTorch() {
        RegressionChainGenerator g = new RegressionChainGenerator(24, 12, 5);
        HostBatch b = g.generate(new DataRandom(1), 7);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(b.get("x").floats(), new Shape(7, 24));
            NDArray w1 = m.create(g.w1(), new Shape(24, 12));
            NDArray w2 = m.create(g.w2(), new Shape(12, 24));
            float[] expected = x.matMul(w1).tanh().matMul(w2).toFloatArray();
            assertArrayEquals(expected, b.get("y").floats(), 1e-4f);
        }
    }

    @Test
    void inputsAreStandardNormalAndTargetsOfOrderOne() {
        HostBatch b = DatasetRegistry.standard().open("regression-chain", Map.of(), 3).next(64);
        assertArrayEquals(new long[] {64, 256}, b.get("x").shape());
        assertArrayEquals(new long[] {64, 256}, b.get("y").shape());
        float[] x = b.get("x").floats();
        double mean = 0;
        double sq = 0;
        for (float v : x) {
            mean += v;
            sq += v * v;
        }
        mean /= x.length;
        assertEquals(0, mean, 0.02);
        assertEquals(1, Math.sqrt(sq / x.length - mean * mean), 0.02);
        double ySq = 0;
        for (float v : b.get("y").floats()) {
            ySq += v * v;
        }
        double yStd = Math.sqrt(ySq / x.length);
        assertEquals(true, yStd > 0.3 && yStd < 1.5, "y std " + yStd);
    }

    @Test
    void weightsComeFromTheSeedAndAreSharedWithHeldOut() {
        RegressionChainGenerator a = new RegressionChainGenerator(8, 8, 1);
        assertArrayEquals(a.w1(), new RegressionChainGenerator(8, 8, 1).w1());
        assertFalse(Arrays.equals(a.w1(), new RegressionChainGenerator(8, 8, 2).w1()));
        SyntheticDataset d = new SyntheticDataset(a, 1, 1, 3);
        HostBatch h = d.heldOut().get(0);
        float[] x0 = Arrays.copyOfRange(h.get("x").floats(), 0, 8);
        assertArrayEquals(a.apply(x0), Arrays.copyOfRange(h.get("y").floats(), 0, 8));
    }
}
