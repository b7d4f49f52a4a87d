package dev.tensorloom.execution.session;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import java.util.Map;

/**
 * Decides a session's activation schedule once its executor exists: a checkpoint policy is planned
 * from a profiling pass over the first real batch, so it needs both.
 */
@FunctionalInterface
public interface ActivationPlanner {
    ActivationSchedule plan(Executor executor, Map<String, NDArray> firstBatch);

    /** Always the given schedule; nothing to profile. */
    static ActivationPlanner fixed(ActivationSchedule schedule) {
        return (executor, batch) -> schedule;
    }
}
