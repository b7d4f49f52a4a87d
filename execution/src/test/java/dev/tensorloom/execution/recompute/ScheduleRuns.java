package dev.tensorloom.execution.recompute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ExecutorAction;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.StepOutcome;
import dev.tensorloom.execution.testing.ChainGraphs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One training step of a plan under a policy, with everything the tests compare. */
record ScheduleRuns(PlannedPolicy schedule, StepOutcome outcome, Map<String, float[]> gradients,
        List<ExecutorAction> actions) {

    static ScheduleRuns train(Plan plan, CheckpointPolicy policy, int rows, int width) {
        try (ParameterStore store = new ParameterStore(plan.device(), 5);
                Executor executor = new Executor(plan, store, 5);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = ChainGraphs.batch(data, rows, width, 11);
            PlannedPolicy schedule = PolicyPlanning.prepare(executor, batch, 0, policy);
            List<ExecutorAction> actions = new ArrayList<>();
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
