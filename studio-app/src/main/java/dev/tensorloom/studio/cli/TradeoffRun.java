package dev.tensorloom.studio.cli;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.checkpoint.PlanGraph;
import dev.tensorloom.execution.checkpoint.Tradeoff;
import dev.tensorloom.execution.checkpoint.TradeoffExplorer;
import dev.tensorloom.execution.exec.ActionKind;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.profile.NodeProfile;
import dev.tensorloom.execution.profile.ProfilingPass;
import dev.tensorloom.execution.recompute.StepGraph;
import java.util.Arrays;
import java.util.Map;

/**
 * What {@code tensorloom memory --pareto} measures before it predicts: the per-node profile the planner
 * plans on, and the wall-clock time of {@code none}'s step and of its forward pass (medians of the timed
 * steps after one warm-up). The profiled per-node forward times are scaled to the timed forward pass, and
 * every predicted step time is {@code none}'s plus the recomputed forwards.
 *
 * @param profile          the measured per-node costs
 * @param noneStepNanos    median wall-clock time of a {@code none} step
 * @param noneForwardNanos median wall-clock time of that step's forward pass
 * @param tradeoff         every policy's predicted point
 */
record TradeoffRun(NodeProfile profile, long noneStepNanos, long noneForwardNanos, Tradeoff tradeoff) {

    static TradeoffRun measure(Executor executor, Map<String, NDArray> batch, int timedSteps, NativeMemoryProbe probe) {
        NodeProfile profile = ProfilingPass.run(executor, batch, 0, probe);
        executor.train(batch, 0, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE);
        long[] steps = new long[timedSteps];
        long[] forwards = new long[timedSteps];
        for (int i = 0; i < timedSteps; i++) {
            long start = System.nanoTime();
            long[] forwardEnd = {0};
            // The first action after the forward pass stops the forward clock: one comparison per action.
            ExecutorListener clock = a -> {
                if (forwardEnd[0] == 0 && a.kind() != ActionKind.FORWARD) {
                    forwardEnd[0] = System.nanoTime();
                }
            };
            executor.train(batch, 0, ActivationSchedule.NONE, clock, ForwardObserver.NONE);
            steps[i] = System.nanoTime() - start;
            forwards[i] = (forwardEnd[0] == 0 ? System.nanoTime() : forwardEnd[0]) - start;
        }
        long step = median(steps);
        long forward = median(forwards);
        PlanGraph graph = StepGraph.of(executor.plan(), profile).graph().withTotalForwardNanos(forward);
        return new TradeoffRun(profile, step, forward, TradeoffExplorer.explore(graph, step));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
