package dev.tensorloom.execution.recompute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.Segment;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ActionKind;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.testing.ChainGraphs;
import dev.tensorloom.model.catalog.BlockCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every policy on a scaled-down deep chain: the same loss and bit-identical gradients as {@code none}. */
class PolicyGradientTest {
    private static final int ROWS = 16;
    private static final int WIDTH = 32;
    private static Plan plan;
    private static ScheduleRuns plain;

    @BeforeAll
    static void baseline() {
        plan = Compiler.compile(ChainGraphs.deepChain(8, WIDTH), BlockCatalog.standard(), OpRegistry.standard(),
                DeviceChoice.CPU);
        plain = ScheduleRuns.train(plan, CheckpointPolicy.none(), ROWS, WIDTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"every-k:1", "every-k:3", "sqrt", "revolve:2", "revolve:3", "revolve:8"})
    void gradientsEqualPlainBackpropagation(String policy) {
        ScheduleRuns run = ScheduleRuns.train(plan, CheckpointPolicy.parse(policy), ROWS, WIDTH);
        assertEquals(plain.outcome().loss(), run.outcome().loss(), 0.0);
        assertEquals(plain.gradients().keySet(), run.gradients().keySet());
        for (String p : plain.gradients().keySet()) {
            assertArrayEquals(plain.gradients().get(p), run.gradients().get(p), 0f, policy + " " + p);
        }
        assertEquals(run.schedule().predictedForwardEvaluations(), run.outcome().forwardEvaluations(),
                "evaluations as planned");
        assertEquals(run.schedule().plan().recomputeCount(), run.outcome().recomputations());
        assertTrue(run.outcome().recomputations() > 0, "the policy recomputes something");
        assertTrue(run.outcome().peakHeldBytes() < plain.outcome().peakHeldBytes(), "and holds less");
        long perNode = 0;
        for (int step = 0; step < plan.size(); step++) {
            if (!plan.step(step).isSource()) {
                final String id = plan.step(step).nodeId();
                long actual = run.actions().stream()
                        .filter(a -> a.kind() == ActionKind.RECOMPUTE && a.nodeId().equals(id)).count();
                assertEquals(run.schedule().predictedRecomputations(step), actual, id);
                perNode += actual;
            }
        }
        assertEquals(run.outcome().recomputations(), perNode);
    }

    @Test
    void sqrtStoresTheLastSegmentAndCutsAtBlockOutputs() {
        ScheduleRuns run = ScheduleRuns.train(plan, CheckpointPolicy.sqrt(), ROWS, WIDTH);
        var segments = run.schedule().plan().segments();
        assertEquals(Segment.Mode.STORED, segments.get(segments.size() - 1).mode());
        for (int k = 0; k + 1 < segments.size(); k++) {
            int step = run.schedule().graph().step(segments.get(k).last());
            String id = plan.step(step).nodeId();
            assertTrue(id.endsWith("_add") || id.startsWith("b1_"), "segment ends at a block output: " + id);
            assertEquals(PlannedPolicy.Treatment.CHECKPOINT, run.schedule().treatment(step));
        }
    }

    @Test
    void noneIsPlainBackpropagation() {
        assertEquals(plan.size() - 2, plain.outcome().forwardEvaluations());
        assertEquals(0, plain.outcome().recomputations());
        assertEquals(plain.schedule().predictedForwardEvaluations(), plain.outcome().forwardEvaluations());
    }
}
