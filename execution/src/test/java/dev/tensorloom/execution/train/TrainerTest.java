package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.testing.TestGraphs;
import dev.tensorloom.execution.testing.TestOps;
import dev.tensorloom.model.testing.TestBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Plan PLAN = Compiler.compile(TestGraphs.residual(false), TestBlocks.catalog(),
            TestOps.ops(), DeviceChoice.CPU);

    private static List<float[]> copy(List<Map.Entry<String, NDArray>> arrays) {
        List<float[]> out = new ArrayList<>();
        arrays.forEach(e -> out.add(e.getValue().toFloatArray()));
        return out;
    }

    private static List<float[]> gradients(ParameterStore store) {
        List<float[]> out = new ArrayList<>();
        try (NDManager tmp = NDManager.newBaseManager()) {
            store.parameters().forEach(e -> out.add(ParameterStore.gradient(e.getValue(), tmp).toFloatArray()));
        }
        return out;
    }

    @Test
    void sgdWithGlobalClippingMovesEachWeightByRateTimesScaledGradient() {
        try (ParameterStore store = new ParameterStore(PLAN.device(), 3);
                Executor executor = new Executor(PLAN, store, 3);
                NDManager data = NDManager.newBaseManager()) {
            executor.evaluate(TestGraphs.batch(data, 4, 0), ForwardObserver.NONE);
            List<float[]> before = copy(store.parameters());
            // DJL's update zeroes the gradient it applied, so take the same step's gradients beforehand.
            executor.train(TestGraphs.batch(data, 4, 1), 0, ActivationSchedule.NONE, ExecutorListener.NONE,
                    ForwardObserver.NONE);
            List<float[]> grads = gradients(store);
            Trainer trainer = new Trainer(executor, "sgd", LearningRateSchedule.constant(0.1, 0), 0.0, 0.0, 0.05);
            TrainStepResult r = trainer.step(TestGraphs.batch(data, 4, 1), 0, ActivationSchedule.NONE,
                    ExecutorListener.NONE, ForwardObserver.NONE);
            List<float[]> after = copy(store.parameters());

            double norm = 0;
            for (float[] g : grads) {
                for (float v : g) {
                    norm += (double) v * v;
                }
            }
            norm = Math.sqrt(norm);
            assertEquals(norm, r.gradientNorm(), 1e-5 * norm);
            assertTrue(norm > 0.05, "the test needs a gradient above the clip norm");
            assertEquals(0.05 / (norm + 1e-6), r.clipScale(), 1e-9);
            double stepNorm = 0;
            for (int p = 0; p < before.size(); p++) {
                for (int k = 0; k < before.get(p).length; k++) {
                    double expected = before.get(p)[k] - 0.1 * r.clipScale() * grads.get(p)[k];
                    assertEquals(expected, after.get(p)[k], 1e-6);
                    stepNorm += Math.pow(after.get(p)[k] - before.get(p)[k], 2);
                }
            }
            assertEquals(0.1 * 0.05, Math.sqrt(stepNorm), 1e-6, "a clipped step has length rate * max norm");
            double nodeSum = r.nodeGradNorms().values().stream().mapToDouble(v -> v * v).sum();
            assertEquals(norm * norm, nodeSum, 1e-4 * norm * norm);
        }
    }

    @Test
    void adamFirstStepMovesEachWeightByAboutTheRate() {
        try (ParameterStore store = new ParameterStore(PLAN.device(), 3);
                Executor executor = new Executor(PLAN, store, 3);
                NDManager data = NDManager.newBaseManager()) {
            executor.evaluate(TestGraphs.batch(data, 4, 0), ForwardObserver.NONE);
            List<float[]> before = copy(store.parameters());
            // DJL's update zeroes the gradient it applied, so take the same step's gradients beforehand.
            executor.train(TestGraphs.batch(data, 4, 1), 0, ActivationSchedule.NONE, ExecutorListener.NONE,
                    ForwardObserver.NONE);
            List<float[]> grads = gradients(store);
            Trainer trainer = new Trainer(executor, "adam", LearningRateSchedule.constant(0.01, 0), 0.0, 0.0, 0);
            trainer.step(TestGraphs.batch(data, 4, 1), 0, ActivationSchedule.NONE, ExecutorListener.NONE,
                    ForwardObserver.NONE);
            List<float[]> after = copy(store.parameters());
            for (int p = 0; p < before.size(); p++) {
                for (int k = 0; k < before.get(p).length; k++) {
                    float g = grads.get(p)[k];
                    if (Math.abs(g) > 1e-3) {
                        // m/(sqrt(v)+eps) after one step is sign(g), up to eps.
                        assertEquals(-0.01 * Math.signum(g), after.get(p)[k] - before.get(p)[k], 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void lossFallsWithAdamW() {
        try (ParameterStore store = new ParameterStore(PLAN.device(), 8);
                Executor executor = new Executor(PLAN, store, 8);
                NDManager data = NDManager.newBaseManager()) {
            Trainer trainer = new Trainer(executor, "adamw", LearningRateSchedule.cosine(0.02, 3, 40), 0.0, 0.01, 1.0);
            Map<String, NDArray> batch = TestGraphs.batch(data, 16, 5);
            double first = trainer.step(batch, 0, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE).loss();
            double last = first;
            for (int s = 1; s < 40; s++) {
                last = trainer.step(batch, s, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE).loss();
            }
            assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
        }
    }

    @Test
    void optimizerStepsLeaveNoArraysBehind() {
        try (ParameterStore store = new ParameterStore(PLAN.device(), 8);
                Executor executor = new Executor(PLAN, store, 8);
                NDManager data = NDManager.newBaseManager()) {
            Trainer trainer = new Trainer(executor, "sgd", LearningRateSchedule.constant(0.01, 0), 0.9, 0.0, 1.0);
            int afterOne = -1;
            for (int s = 0; s < 5; s++) {
                try (NDManager batch = data.newSubManager()) {
                    trainer.step(TestGraphs.batch(batch, 4, s), s, ActivationSchedule.NONE, ExecutorListener.NONE,
                            ForwardObserver.NONE);
                }
                int now = store.manager().getManagedArrays().size() + executor.activationRoot().getManagedArrays().size()
                        + data.getManagedArrays().size();
                afterOne = afterOne < 0 ? now : afterOne;
                assertEquals(afterOne, now, "arrays alive after step " + s);
            }
        }
    }

    @Test
    void unknownOptimizerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create("lion", 0, 0, null));
    }

    @Test
    void tokenAccuracyComparesArgMaxWithTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            TokenAccuracy acc = new TokenAccuracy();
            acc.reset();
            NDArray logits = m.create(new float[] {0.1f, 0.9f, 0.8f, 0.2f, 0.3f, 0.7f}, new Shape(3, 2));
            acc.accumulate(logits, m.create(new long[] {1, 1, 1}));
            assertEquals(2.0 / 3, acc.value(), 1e-12);
            acc.accumulate(logits, m.create(new long[] {1, 0, 1}));
            assertEquals(5.0 / 6, acc.value(), 1e-12);
        }
    }

    @Test
    void globalNormAndScale() {
        try (NDManager m = NDManager.newBaseManager()) {
            double norm = GradientClipper.globalNorm(List.of(m.create(new float[] {3}), m.create(new float[] {4})));
            assertEquals(5.0, norm, 1e-12);
            assertEquals(1.0 / (5 + 1e-6), GradientClipper.scale(norm, 1.0), 1e-15);
            assertEquals(1.0, GradientClipper.scale(norm, 10.0));
            assertEquals(1.0, GradientClipper.scale(norm, 0.0), "0 means no clipping");
        }
    }

    @Test
    void batchedSquaredNormsEqualEachTensorsOwnNormBitForBit() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> grads = List.of(m.randomNormal(new Shape(7, 5)),
                    m.create(new float[] {3, 4}), m.randomNormal(new Shape(33)),
                    m.create(new float[] {Float.NaN, 1}));
            double[] batched = GradientClipper.squaredNorms(grads);
            assertEquals(grads.size(), batched.length);
            for (int i = 0; i < grads.size(); i++) {
                double alone = grads.get(i).toType(DataType.FLOAT64, false).square().sum().getDouble();
                assertEquals(Double.doubleToRawLongBits(alone), Double.doubleToRawLongBits(batched[i]), "tensor " + i);
            }
            assertEquals(25.0, batched[1]);
            double reference = 0;
            for (float v : grads.get(0).toFloatArray()) {
                reference += (double) v * v;
            }
            assertEquals(reference, batched[0], 1e-9 * reference);
            assertTrue(Double.isNaN(batched[3]), "a NaN gradient stays visible to the finiteness check");
            assertEquals(0, GradientClipper.squaredNorms(List.of()).length);
        }
    }
}
