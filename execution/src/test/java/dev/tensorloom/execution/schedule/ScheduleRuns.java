package dev.tensorloom.execution.schedule;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.ScheduleAction;
import dev.tensorloom.execution.exec.StepOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One training step of a plan under a policy, with everything the tests compare. */
record ScheduleRuns(CheckpointSchedule schedule, StepOutcome outcome, Map<String, float[]> gradients,
        List<ScheduleAction> actions) {

    static ScheduleRuns train(Plan plan, CheckpointPolicy policy, int rows, int width) {
        try (ParameterStore store = new ParameterStore(plan.device(), 5);
                Executor executor = new Executor(plan, store, 5);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = ScheduleGraphs.batch(data, rows, width, 11);
            CheckpointSchedule schedule = CheckpointScheduling.prepare(executor, batch, 0, policy);
            List<ScheduleAction> actions = new ArrayList<>();
            StepOutcome outcome = executor.train(batch, 1, schedule.activations(), actions::add, ForwardObserver.NONE);
            return new ScheduleRuns(schedule, outcome, gradients(store), actions);
        }
    }

    static Map<String, float[]> gradients(ParameterStore store) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager tmp = NDManager.newBaseManager()) {
            for (Map.Entry<String, NDArray> e : store.parameters()) {
                out.put(e.getKey(), ParameterStore.gradient(e.getValue(), tmp).toFloatArray());
            }
        }
        return out;
    }
}
