package dev.tensorloom.execution.recompute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.testing.ChainGraphs;
import dev.tensorloom.model.catalog.BlockCatalog;
import org.junit.jupiter.api.Test;

/**
 * A byte budget on a chain large enough for megabytes to matter (256 KiB per activation). The budget is checked
 * against the plan made on the measured profile, so the profile must not pin another thread's allocations on
 * a node: that pushed the least peak over 3 MB in CI before the profiling pass kept only reproduced readings.
 */
class BudgetScheduleTest {
    private static final int ROWS = 256;
    private static final int WIDTH = 256;

    @Test
    void budgetFitsItsPeakAndKeepsGradientsExact() {
        Plan plan = Compiler.compile(ChainGraphs.deepChain(6, WIDTH), BlockCatalog.standard(), OpRegistry.standard(),
                DeviceChoice.CPU);
        ScheduleRuns plain = ScheduleRuns.train(plan, CheckpointPolicy.none(), ROWS, WIDTH);
        ScheduleRuns budget = ScheduleRuns.train(plan, CheckpointPolicy.budgetMb(3), ROWS, WIDTH);
        assertTrue(budget.schedule().plan().peakBytes() <= 3L << 20);
        assertTrue(budget.outcome().recomputations() > 0);
        assertEquals(budget.schedule().predictedForwardEvaluations(), budget.outcome().forwardEvaluations());
        for (String p : plain.gradients().keySet()) {
            assertArrayEquals(plain.gradients().get(p), budget.gradients().get(p), 0f, p);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduleRuns.train(plan, CheckpointPolicy.budgetMb(1), ROWS, WIDTH));
        assertTrue(e.getMessage().contains("below the least predicted peak"), e.getMessage());
    }
}
