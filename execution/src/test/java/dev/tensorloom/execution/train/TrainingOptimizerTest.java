package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our optimizer must train exactly as DJL's did (the loss curves of every template depend on it), and its
 * exported state must continue a run exactly.
 */
class TrainingOptimizerTest {
    private static final int STEPS = 12;
    private static final Shape SHAPE = new Shape(7, 5);

    private static float[][] gradients(int steps) {
        Random r = new Random(11);
        float[][] g = new float[steps][(int) SHAPE.size()];
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

    private static Optimizer djl(String name, double momentum, double weightDecay, float[] rate) {
        // A tracker reading the array lets each step have its own rate, as the trainer's SteppedTracker did.
        Tracker tracker = n -> rate[0];
        return switch (name) {
            case "sgd" -> Optimizer.sgd().setLearningRateTracker(tracker).optMomentum((float) momentum)
                    .optWeightDecays((float) weightDecay).build();
            case "adam" -> Optimizer.adam().optLearningRateTracker(tracker).optWeightDecays((float) weightDecay).build();
            default -> Optimizer.adamW().optLearningRateTracker(tracker).optWeightDecays((float) weightDecay).build();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "adamw"})
    void updatesAreBitIdenticalToDjlsOptimizers(String name) {
        float[][] grads = gradients(STEPS);
        double momentum = 0.9;
        double decay = 0.01;
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                TrainingOptimizer ours = new TrainingOptimizer(name, momentum, decay, Device.cpu())) {
            NDArray a = m.randomNormal(SHAPE);
            NDArray b = a.duplicate();
            float[] rate = new float[1];
            Optimizer theirs = djl(name, momentum, decay, rate);
            for (int s = 0; s < STEPS; s++) {
                rate[0] = (float) rate(s);
                theirs.update("n/w", a, m.create(grads[s], SHAPE));
                ours.beginStep(rate(s));
                ours.update("n/w", b, m.create(grads[s], SHAPE));
                assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f, name + " step " + s);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "adamw"})
    void anExportedStateContinuesExactly(String name) {
        float[][] grads = gradients(STEPS);
        int k = 5;
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                TrainingOptimizer straight = new TrainingOptimizer(name, 0.9, 0.01, Device.cpu())) {
            NDArray a = m.randomNormal(SHAPE);
            NDArray b = a.duplicate();
            OptimizerState atK = null;
            for (int s = 0; s < STEPS; s++) {
                straight.beginStep(rate(s));
                straight.update("n/w", a, m.create(grads[s], SHAPE));
                if (s + 1 == k) {
                    atK = straight.export();
                    b.set(a.toByteBuffer());
                }
            }
            assertEquals(k, atK.updates());
            try (TrainingOptimizer resumed = new TrainingOptimizer(name, 0.9, 0.01, Device.cpu())) {
                resumed.restore(atK);
                for (int s = k; s < STEPS; s++) {
                    resumed.beginStep(rate(s));
                    resumed.update("n/w", b, m.create(grads[s], SHAPE));
                }
            }
            assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
        }
    }

    @Test
    void aStateOfAnotherKindOrShapeIsRefused() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                TrainingOptimizer adam = new TrainingOptimizer("adam", 0, 0, Device.cpu());
                TrainingOptimizer sgd = new TrainingOptimizer("sgd", 0.9, 0, Device.cpu())) {
            NDArray w = m.randomNormal(SHAPE);
            adam.beginStep(0.1);
            adam.update("n/w", w, m.randomNormal(SHAPE));
            OptimizerState state = adam.export();
            assertThrows(IllegalArgumentException.class, () -> sgd.restore(state));
            try (TrainingOptimizer other = new TrainingOptimizer("adam", 0, 0, Device.cpu())) {
                other.restore(state);
                other.beginStep(0.1);
                NDArray wider = m.randomNormal(new Shape(7, 6));
                assertThrows(IllegalArgumentException.class, () -> other.update("n/w", wider, m.randomNormal(wider.getShape())));
            }
        }
    }

    @Test
    void anUnknownOptimizerIsRefused() {
        List<String> names = new ArrayList<>(List.of("lion", "", "Adam2"));
        for (String n : names) {
            assertThrows(IllegalArgumentException.class, () -> new TrainingOptimizer(n, 0, 0, Device.cpu()).close());
        }
    }
}
