package dev.tensorloom.execution.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.testing.TestGraphs;
import dev.tensorloom.execution.testing.TestOps;
import dev.tensorloom.model.testing.TestBlocks;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutorLeakTest {

    @Test
    void arraysAliveAfterFiveStepsEqualThoseAfterOne() {
        Plan plan = Compiler.compile(TestGraphs.residual(true), TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        try (ParameterStore store = new ParameterStore(plan.device(), 2);
                Executor executor = new Executor(plan, store, 2);
                NDManager data = NDManager.newBaseManager()) {
            int[] afterOne = null;
            int swept = 0;
            for (int step = 0; step < 5; step++) {
                ActivationSchedule schedule = step % 2 == 0 ? ActivationSchedule.NONE
                        : new SegmentSchedule(Set.of(plan.indexOf("r1")));
                try (NDManager batchManager = data.newSubManager()) {
                    StepOutcome o = executor.train(TestGraphs.batch(batchManager, 4, step), step, schedule,
                            ExecutorListener.NONE, ForwardObserver.NONE);
                    swept += o.straysSwept();
                    GradientProbe.gradients(store);
                    executor.evaluate(TestGraphs.batch(batchManager, 4, 99), ForwardObserver.NONE);
                }
                int[] now = {store.manager().getManagedArrays().size(), executor.activationRoot().getManagedArrays().size(),
                        data.getManagedArrays().size()};
                if (afterOne == null) {
                    afterOne = now;
                } else {
                    assertEquals(afterOne[0], now[0], "parameter manager grew at step " + step);
                    assertEquals(afterOne[1], now[1], "activation root grew at step " + step);
                    assertEquals(afterOne[2], now[2], "data manager grew at step " + step);
                }
            }
            assertEquals(store.parameters().size() + store.buffers().size(), afterOne[0],
                    "the parameter manager holds exactly the parameters and buffers");
            assertEquals(0, afterOne[1]);
            assertTrue(swept > 0, "lin's weight.transpose() lands in the parameter manager and must be swept");
        }
    }
}
