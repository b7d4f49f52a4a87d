package dev.tensorloom.execution.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.testing.TestGraphs;
import dev.tensorloom.execution.testing.TestOps;
import dev.tensorloom.model.testing.TestBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentScheduleTest {
    private static final Plan PLAN = Compiler.compile(TestGraphs.residual(true), TestBlocks.catalog(),
            TestOps.ops(), DeviceChoice.CPU);

    /** Result of one training pass: gradients, outcome and the actions seen. */
    private record Run(Map<String, float[]> grads, StepOutcome outcome, List<ExecutorAction> actions) { }

    private static Run run(ActivationSchedule schedule) {
        try (ParameterStore store = new ParameterStore(PLAN.device(), 21);
                Executor executor = new Executor(PLAN, store, 21);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = TestGraphs.batch(data, 8, 4);
            List<ExecutorAction> actions = new ArrayList<>();
            StepOutcome outcome = executor.train(batch, 3, schedule, actions::add, ForwardObserver.NONE);
            return new Run(GradientProbe.gradients(store), outcome, actions);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r1,sp", "dr", "l1,ln,a1", "loss1,loss2"})
    void segmentCheckpointingGivesBitIdenticalGradientsWithDropout(String keptIds) {
        Set<Integer> kept = new java.util.TreeSet<>();
        for (String id : keptIds.split(",")) {
            if (!id.isEmpty()) {
                kept.add(PLAN.indexOf(id));
            }
        }
        Run plain = run(ActivationSchedule.NONE);
        Run checkpointed = run(new SegmentSchedule(kept));

        assertEquals(plain.outcome().loss(), checkpointed.outcome().loss(), 0.0);
        for (String id : plain.grads().keySet()) {
            assertArrayEquals(plain.grads().get(id), checkpointed.grads().get(id), 0f, id);
        }
        int layers = PLAN.size() - PLAN.sourceSteps().size();
        // Every dropped layer feeds a loss here, so backward re-runs each exactly once.
        int dropped = layers - kept.size();
        assertEquals(layers, plain.outcome().forwardEvaluations());
        assertEquals(0, plain.outcome().recomputations());
        assertEquals(dropped, checkpointed.outcome().recomputations());
        assertEquals(layers + dropped, checkpointed.outcome().forwardEvaluations());
        assertEquals(dropped, checkpointed.actions().stream().filter(a -> a.kind() == ActionKind.RECOMPUTE).count());
        assertEquals(layers, checkpointed.actions().stream().filter(a -> a.kind() == ActionKind.BACKWARD).count());
        if (kept.isEmpty()) {
            assertTrue(checkpointed.outcome().peakHeldBytes() < plain.outcome().peakHeldBytes(),
                    "dropping everything must lower the forward peak");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r1,sp", "a1"})
    void outputsOnlyCheckpointingRecomputesKeptNodesTooAndStaysExact(String keptIds) {
        Set<Integer> kept = new java.util.TreeSet<>();
        for (String id : keptIds.split(",")) {
            if (!id.isEmpty()) {
                kept.add(PLAN.indexOf(id));
            }
        }
        Run plain = run(ActivationSchedule.NONE);
        Run checkpointed = run(SegmentSchedule.outputsOnly(kept));
        assertEquals(plain.outcome().loss(), checkpointed.outcome().loss(), 0.0);
        for (String id : plain.grads().keySet()) {
            assertArrayEquals(plain.grads().get(id), checkpointed.grads().get(id), 0f, id);
        }
        int layers = PLAN.size() - PLAN.sourceSteps().size();
        assertEquals(layers, checkpointed.outcome().recomputations(), "every layer is re-run once for its graph");
        assertEquals(2 * layers, checkpointed.outcome().forwardEvaluations());
        assertEquals(0, checkpointed.actions().get(checkpointed.actions().size() - 1).heldGradientBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "segments"})
    void ledgerReturnsToTheSourcesAndMatchesArraySizes(String which) {
        Run r = run(which.equals("none") ? ActivationSchedule.NONE : new SegmentSchedule(Set.of(PLAN.indexOf("sp"))));
        long sources = 2L * 8 * 4 * Float.BYTES;
        ExecutorAction last = r.actions().get(r.actions().size() - 1);
        assertEquals(sources, last.heldBytes(), "after backward only the batch is held");
        assertEquals(0, last.heldGradientBytes());
        int at = 0;
        while (!r.actions().get(at).nodeId().equals("l1")) {
            at++;
        }
        ExecutorAction l1 = r.actions().get(at);
        assertEquals(ActionKind.FORWARD, l1.kind());
        assertEquals(8L * 8 * Float.BYTES, l1.bytes(), "l1 outputs [8, 8] floats");
        assertEquals(r.actions().get(at - 1).heldBytes() + l1.bytes(), l1.heldBytes());
        long recomputed = r.actions().stream().filter(a -> a.kind() == ActionKind.RECOMPUTE).mapToLong(a -> a.bytes()).sum();
        long dropped = r.actions().stream().filter(a -> a.kind() == ActionKind.DROP).mapToLong(a -> a.bytes()).sum();
        long forwarded = r.actions().stream().filter(a -> a.kind() == ActionKind.FORWARD).mapToLong(a -> a.bytes()).sum();
        long released = r.actions().stream().filter(a -> a.kind() == ActionKind.BACKWARD).mapToLong(a -> a.bytes()).sum();
        assertEquals(forwarded + recomputed - sources, dropped + released, "every byte taken is given back");
    }
}
