package dev.tensorloom.execution.op.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tensorloom.execution.op.Scalars;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The adaLN helpers against their formulas. */
class ModulationTest {

    @Test
    void layerNormIsCentredAndScaledByTheBiasedVarianceOfEachRow() {
        int rows = 3;
        int d = 5;
        float[] x = random(new Random(5), rows * d, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] out = Modulation.layerNorm(m.create(x, new Shape(1, rows, d))).toFloatArray();
            for (int r = 0; r < rows; r++) {
                double mean = 0;
                for (int i = 0; i < d; i++) {
                    mean += x[r * d + i] / (double) d;
                }
                double var = 0;
                for (int i = 0; i < d; i++) {
                    var += (x[r * d + i] - mean) * (x[r * d + i] - mean) / d;
                }
                for (int i = 0; i < d; i++) {
                    assertEquals((x[r * d + i] - mean) / Math.sqrt(var + Modulation.LN_EPS), out[r * d + i], 1e-5);
                }
            }
        }
    }

    /** The fused kernel's gradient is the gradient of the five-op formula (x − mean) / √(mean((x − mean)²) + eps). */
    @Test
    void layerNormGradientMatchesTheGradientOfItsFormula() {
        Shape shape = new Shape(2, 4, 6);
        float[] x = random(new Random(6), 48, 2);
        float[] upstream = random(new Random(7), 48, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] fused = gradient(m, x, upstream, shape, Modulation::layerNorm);
            float[] formula = gradient(m, x, upstream, shape, v -> {
                NDArray centred = v.sub(v.mean(new int[] {-1}, true));
                NDArray var = centred.square().mean(new int[] {-1}, true);
                return centred.div(var.add(Scalars.of(var, Modulation.LN_EPS)).sqrt());
            });
            assertArrayEquals(formula, fused, 1e-5f);
        }
    }

    private static float[] gradient(NDManager m, float[] x, float[] upstream, Shape shape,
            java.util.function.UnaryOperator<NDArray> f) {
        NDArray leaf = m.create(x, shape);
        leaf.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(f.apply(leaf).mul(m.create(upstream, shape)).sum());
        }
        return leaf.getGradient().toFloatArray();
    }

    private static float[] random(Random r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * r.nextGaussian() + 0.5);
        }
        return v;
    }
}
