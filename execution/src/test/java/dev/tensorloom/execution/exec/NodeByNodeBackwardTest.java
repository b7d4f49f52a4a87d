package dev.tensorloom.execution.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.testing.TestGraphs;
import dev.tensorloom.execution.testing.TestOps;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.testing.TestBlocks;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeByNodeBackwardTest {

    @Test
    void nodeByNodeGradientsEqualWholeGraphAutograd() {
        Plan plan = Compiler.compile(TestGraphs.residual(false), TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        try (ParameterStore store = new ParameterStore(plan.device(), 11);
                Executor executor = new Executor(plan, store, 11);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = TestGraphs.batch(data, 6, 3);
            StepOutcome outcome = executor.train(batch, 0, ActivationSchedule.NONE, ExecutorListener.NONE,
                    ForwardObserver.NONE);
            Map<String, float[]> nodeByNode = GradientProbe.gradients(store);

            store.zeroGradients();
            double referenceLoss = GradientProbe.wholeGraphBackward(plan, store, batch);
            Map<String, float[]> reference = GradientProbe.gradients(store);

            assertEquals(referenceLoss, outcome.loss(), 1e-6 * Math.abs(referenceLoss));
            assertEquals(2, outcome.losses().size());
            assertEquals(reference.keySet(), nodeByNode.keySet());
            assertEquals(8, reference.size(), "weight and bias of three lin, gamma and beta of layernorm");
            for (String id : reference.keySet()) {
                double norm = 0;
                for (float v : reference.get(id)) {
                    norm += v * v;
                }
                assertTrue(norm > 0, id + " has a zero reference gradient; the test would prove nothing");
                double rel = GradientProbe.relativeDifference(nodeByNode.get(id), reference.get(id));
                assertTrue(rel <= 1e-6, id + " differs from whole-graph autograd by " + rel);
            }
        }
    }

    @Test
    void anOutputWithoutGraphPassesNoGradientAndBreaksNothing() {
        Plan plan = Compiler.compile(new DocumentBuilder()
                .node("x", "input", "field", "x").node("y", "input", "field", "y")
                .node("l1", "lin", "out_features", 4L).node("c", "const").node("a", "add").node("l", "mse")
                .wire("x.out", "l1.in").wire("l1.out", "c.in").wire("c.out", "a.a").wire("l1.out", "a.b")
                .wire("a.out", "l.pred").wire("y.out", "l.target").build(),
                TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        try (ParameterStore store = new ParameterStore(plan.device(), 4);
                Executor executor = new Executor(plan, store, 4);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = TestGraphs.batch(data, 3, 1);
            executor.train(batch, 0, new SegmentSchedule(java.util.Set.of()), ExecutorListener.NONE, ForwardObserver.NONE);
            Map<String, float[]> nodeByNode = GradientProbe.gradients(store);
            store.zeroGradients();
            GradientProbe.wholeGraphBackward(plan, store, batch);
            Map<String, float[]> reference = GradientProbe.gradients(store);
            for (String id : reference.keySet()) {
                assertTrue(GradientProbe.relativeDifference(nodeByNode.get(id), reference.get(id)) <= 1e-6, id);
            }
        }
    }

    @Test
    void evaluationRunsWithoutGradientsAndReportsTheLossSum() {
        Plan plan = Compiler.compile(TestGraphs.residual(true), TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        try (ParameterStore store = new ParameterStore(plan.device(), 5);
                Executor executor = new Executor(plan, store, 5);
                NDManager data = NDManager.newBaseManager()) {
            StepOutcome first = executor.evaluate(TestGraphs.batch(data, 4, 1), ForwardObserver.NONE);
            StepOutcome second = executor.evaluate(TestGraphs.batch(data, 4, 1), ForwardObserver.NONE);
            assertEquals(first.loss(), second.loss(), 0.0, "evaluation disables dropout, so it is repeatable");
            assertEquals(first.losses().values().stream().mapToDouble(Double::doubleValue).sum(), first.loss(), 0.0);
            assertEquals(0, first.recomputations());
        }
    }
}
