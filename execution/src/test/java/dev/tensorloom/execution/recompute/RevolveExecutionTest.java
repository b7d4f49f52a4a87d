package dev.tensorloom.execution.recompute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.RevolveFormula;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ActionKind;
import dev.tensorloom.execution.exec.ExecutorAction;
import dev.tensorloom.execution.exec.RevolveSchedule;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.testing.ChainGraphs;
import dev.tensorloom.model.catalog.BlockCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevolveExecutionTest {

    private static Plan chainPlan(int layers) {
        return Compiler.compile(ChainGraphs.chain(layers), BlockCatalog.standard(), OpRegistry.standard(),
                DeviceChoice.CPU);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,2", "7,2", "7,3", "12,3", "15,4", "19,2", "19,5", "19,20"})
    void revolveEvaluatesEachChainStepAsPlannedAndGivesTheSameGradients(int layers, int slots) {
        Plan plan = chainPlan(layers);
        ScheduleRuns plain = ScheduleRuns.train(plan, CheckpointPolicy.none(), 4, 8);
        ScheduleRuns revolve = ScheduleRuns.train(plan, CheckpointPolicy.revolve(slots), 4, 8);

        // A pure chain of layers plus the loss: every node is its own segment, l = layers + 1.
        int l = layers + 1;
        assertTrue(revolve.schedule().activations() instanceof RevolveSchedule);
        assertEquals(l, ((RevolveSchedule) revolve.schedule().activations()).segmentCount());
        long expected = l + RevolveFormula.minAdvances(l, slots);
        assertEquals(expected, revolve.outcome().forwardEvaluations());
        assertEquals(expected, revolve.schedule().predictedForwardEvaluations());
        assertEquals(expected - l, revolve.outcome().recomputations());
        assertEquals(l, plain.outcome().forwardEvaluations());

        assertEquals(plain.outcome().loss(), revolve.outcome().loss(), 0.0);
        assertEquals(plain.gradients().keySet(), revolve.gradients().keySet());
        for (String p : plain.gradients().keySet()) {
            assertArrayEquals(plain.gradients().get(p), revolve.gradients().get(p), 0f, p);
        }
        ExecutorAction last = revolve.actions().get(revolve.actions().size() - 1);
        assertEquals(2L * 4 * 8 * Float.BYTES, last.heldBytes(), "only the batch is held at the end");
        assertEquals(0, last.heldGradientBytes());
        assertEquals(l, revolve.actions().stream().filter(a -> a.kind() == ActionKind.BACKWARD).count());
    }

    @ParameterizedTest
    @CsvSource({"19,2", "19,3"})
    void fewerSlotsHoldFewerActivations(int layers, int slots) {
        Plan plan = chainPlan(layers);
        ScheduleRuns plain = ScheduleRuns.train(plan, CheckpointPolicy.none(), 4, 8);
        ScheduleRuns revolve = ScheduleRuns.train(plan, CheckpointPolicy.revolve(slots), 4, 8);
        long batch = 2L * 4 * 8 * Float.BYTES;
        long oneState = 4L * 8 * Float.BYTES;
        assertTrue(revolve.outcome().peakHeldBytes() < plain.outcome().peakHeldBytes());
        // Snapshots beyond the batch, plus the state in hand and the one being taped and its output.
        assertTrue(revolve.outcome().peakHeldBytes() <= batch + (slots + 2L) * oneState,
                "peak " + revolve.outcome().peakHeldBytes());
    }
}
