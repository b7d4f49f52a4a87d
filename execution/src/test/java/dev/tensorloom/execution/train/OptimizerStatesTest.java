package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An optimizer's state taken to host bytes at step k and restored into a fresh optimizer continues the
 * run exactly, and a state of another optimizer or another shape is refused.
 */
class OptimizerStatesTest {
    private static final int STEPS = 12;
    private static final int K = 5;
    private static final Shape SHAPE = new Shape(7, 5);

    private static float[][] gradients() {
        Random r = new Random(11);
        float[][] g = new float[STEPS][(int) SHAPE.size()];
        for (float[] row : g) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) r.nextGaussian();
            }
        }
        return g;
    }

    private static double rate(int step) {
        return 0.01 * (step + 1) / STEPS; // a warm-up, so each step's rate differs
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "adamw"})
    void anExportedStateContinuesExactly(String name) {
        float[][] grads = gradients();
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterOptimizer straight = Optimizers.create(name, 0.9, 0.01, m.newSubManager());
            NDArray a = m.randomNormal(SHAPE);
            NDArray b = a.duplicate();
            OptimizerState atK = null;
            for (int s = 0; s < STEPS; s++) {
                straight.update("n/w", a, m.create(grads[s], SHAPE), rate(s));
                if (s + 1 == K) {
                    atK = OptimizerStates.export(name, K, straight);
                    b.set(a.toByteBuffer());
                }
            }
            assertEquals(K, atK.updates());
            assertEquals(name.equals("sgd") ? 1 : 2, atK.slots().get("n/w").size());
            ParameterOptimizer resumed = Optimizers.create(name, 0.9, 0.01, m.newSubManager());
            try (NDManager scratch = m.newSubManager()) {
                OptimizerStates.restore(atK, name, resumed, Map.of("n/w", b), scratch);
            }
            assertEquals(K, resumed.steps().get("n/w"));
            for (int s = K; s < STEPS; s++) {
                resumed.update("n/w", b, m.create(grads[s], SHAPE), rate(s));
            }
            assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adamw"})
    void aStateOfAnotherKindOrShapeOrParameterIsRefused(String other) {
        try (NDManager m = NDManager.newBaseManager(); NDManager scratch = m.newSubManager()) {
            ParameterOptimizer adam = Optimizers.create("adam", 0, 0, m.newSubManager());
            NDArray w = m.randomNormal(SHAPE);
            adam.update("n/w", w, m.randomNormal(SHAPE), 0.1);
            OptimizerState state = OptimizerStates.export("adam", 1, adam);
            ParameterOptimizer fresh = Optimizers.create(other, 0.9, 0, m.newSubManager());
            assertThrows(IllegalArgumentException.class,
                    () -> OptimizerStates.restore(state, other, fresh, Map.of("n/w", w), scratch));
            ParameterOptimizer sameKind = Optimizers.create("adam", 0, 0, m.newSubManager());
            NDArray wider = m.randomNormal(new Shape(7, 6));
            assertThrows(IllegalArgumentException.class,
                    () -> OptimizerStates.restore(state, "adam", sameKind, Map.of("n/w", wider), scratch));
            assertThrows(IllegalArgumentException.class,
                    () -> OptimizerStates.restore(state, "adam", sameKind, Map.of("n/v", w), scratch));
        }
    }
}
