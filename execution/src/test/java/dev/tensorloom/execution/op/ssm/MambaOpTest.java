package dev.tensorloom.execution.op.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tensorloom.execution.op.FamilyTestHarness;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MambaOpTest {
    @Test
    void blockKeepsTheShapeAndTrainsTheStateMatrix() {
        Map<String, Object> params = Map.of("d_model", 8L, "state", 4L, "expand", 2L, "conv", 3L, "dt_rank", 0L);
        try (FamilyTestHarness h = new FamilyTestHarness("mamba", params)) {
            h.init(new Shape(2, 10, 8));
            assertEquals(new Shape(16, 4), h.param("a_log").getShape());
            assertEquals((float) Math.log(3), h.param("a_log").getFloat(5, 2), 1e-6f);
            assertEquals(new Shape(1, 16), h.param("dt_proj_w").getShape()); // ceil(8 / 16) = 1
            NDArray x = h.manager().create(gaussian(new Random(4), 2 * 10 * 8, 1), new Shape(2, 10, 8));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = h.forward(x).singletonOrThrow();
                assertEquals(new Shape(2, 10, 8), out.getShape());
                gc.backward(out.mul(out).sum());
            }
            assertTrue(h.param("a_log").getGradient().abs().sum().getFloat() > 0, "gradient reaches a_log");
        }
    }

    @Test
    void causalOutputsIgnoreTheFuture() {
        Map<String, Object> params = Map.of("d_model", 4L, "state", 4L, "expand", 2L, "conv", 4L, "dt_rank", 2L);
        try (FamilyTestHarness h = new FamilyTestHarness("mamba", params)) {
            h.init(new Shape(1, 8, 4));
            float[] v = gaussian(new Random(8), 32, 1);
            float[] changed = v.clone();
            for (int i = 20; i < 32; i++) {
                changed[i] += 1; // perturb steps 5..7
            }
            float[] y1 = h.forward(h.manager().create(v, new Shape(1, 8, 4))).singletonOrThrow().toFloatArray();
            float[] y2 = h.forward(h.manager().create(changed, new Shape(1, 8, 4))).singletonOrThrow().toFloatArray();
            for (int i = 0; i < 20; i++) {
                assertEquals(y1[i], y2[i], 1e-6, "step " + i / 4 + " must not see later inputs");
            }
            assertTrue(Math.abs(y1[31] - y2[31]) > 1e-6);
        }
    }

    private static float[] gaussian(Random random, int size, double scale) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }
}
