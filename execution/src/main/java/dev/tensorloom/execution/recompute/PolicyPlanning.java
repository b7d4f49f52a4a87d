package dev.tensorloom.execution.recompute;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.checkpoint.ChainSchedule;
import dev.tensorloom.execution.checkpoint.CheckpointPlan;
import dev.tensorloom.execution.checkpoint.CheckpointPlanner;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.Segment;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.RevolveSchedule;
import dev.tensorloom.execution.profile.NodeProfile;
import dev.tensorloom.execution.profile.ProfilingPass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link CheckpointPolicy} into an {@link ActivationSchedule} for a compiled plan: profile (or
 * take a profile), plan with {@link CheckpointPlanner}, and translate the planned segments back to plan
 * steps. {@code none}, {@code every-k}, {@code sqrt} and {@code budget} become a
 * {@link SegmentActivations}; {@code revolve:S} becomes a {@link RevolveSchedule} the executor follows
 * action by action.
 */
public final class PolicyPlanning {

    private PolicyPlanning() {
    }

    /**
     * Profiles the executor's plan on {@code batch} and schedules {@code policy}; what a training command
     * calls once before its first step.
     *
     * @throws IllegalArgumentException when the policy cannot be planned (e.g. a budget below the least
     *     reachable peak; the message says why)
     */
    public static PlannedPolicy prepare(Executor executor, Map<String, NDArray> batch, long globalStep,
            CheckpointPolicy policy) {
        NodeProfile profile = ProfilingPass.run(executor, batch, globalStep);
        return schedule(executor.plan(), policy, profile);
    }

    /** Plans {@code policy} on {@code plan} with measured costs. */
    public static PlannedPolicy schedule(Plan plan, CheckpointPolicy policy, NodeProfile profile) {
        StepGraph graph = StepGraph.of(plan, profile);
        CheckpointPlan planned = CheckpointPlanner.plan(graph.graph(), policy);
        ActivationSchedule activations;
        if (policy.kind() == CheckpointPolicy.Kind.NONE) {
            activations = ActivationSchedule.NONE;
        } else if (planned.chainSchedule().isPresent()) {
            activations = revolve(plan, graph, planned.segments(), planned.chainSchedule().get());
        } else {
            activations = segments(policy, graph, planned.segments());
        }
        return new PlannedPolicy(policy, planned, graph, activations);
    }

    private static SegmentActivations segments(CheckpointPolicy policy, StepGraph graph, List<Segment> segments) {
        Set<Integer> taped = new HashSet<>();
        Set<Integer> checkpoints = new HashSet<>();
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            boolean hasNext = k + 1 < segments.size();
            if (s.mode() == Segment.Mode.STORED) {
                for (int g = s.first(); g <= s.last(); g++) {
                    taped.add(graph.step(g));
                }
            } else if (hasNext) {
                // The output ending a recomputed segment is what the next segment starts from.
                checkpoints.add(graph.step(s.last()));
            }
        }
        return new SegmentActivations(policy.toString(), taped, checkpoints);
    }

    private static RevolveSchedule revolve(Plan plan, StepGraph graph, List<Segment> segments, ChainSchedule chain) {
        List<int[]> steps = new ArrayList<>();
        for (Segment s : segments) {
            int[] members = new int[s.size()];
            for (int g = s.first(); g <= s.last(); g++) {
                members[g - s.first()] = graph.step(g);
            }
            steps.add(members);
        }
        return new RevolveSchedule(steps, chain, plan.size());
    }
}
