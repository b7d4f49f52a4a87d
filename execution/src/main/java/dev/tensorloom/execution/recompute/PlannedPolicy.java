package dev.tensorloom.execution.recompute;

import dev.tensorloom.execution.checkpoint.CheckpointPlan;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.Segment;
import dev.tensorloom.execution.exec.ActivationSchedule;

/**
 * A checkpoint policy planned for one compiled plan: the planner's decision, the graph it was made on,
 * and the {@link ActivationSchedule} that makes the executor carry it out.
 *
 * @param policy      the policy
 * @param plan        the planner's segments and predictions (graph node indices, see {@link StepGraph})
 * @param graph       the planner's graph and its map to plan steps
 * @param activations what to hand to {@code Executor.train}
 */
public record PlannedPolicy(CheckpointPolicy policy, CheckpointPlan plan, StepGraph graph,
        ActivationSchedule activations) {

    /** What the schedule does with one step's activations. */
    public enum Treatment {
        /** Taped once in the forward pass and kept until its backward. */
        STORED,
        /** Outputs kept through the forward pass as a checkpoint; re-run for its backward. */
        CHECKPOINT,
        /** Dropped after the forward pass and re-run for its backward. */
        DROPPED
    }

    /** Block forward evaluations one training step will make: each layer once plus the planned recomputations. */
    public long predictedForwardEvaluations() {
        return graph.size() + plan.recomputeCount();
    }

    /** How the schedule treats plan step {@code step} (a non-source step). */
    public Treatment treatment(int step) {
        int g = graphIndex(step);
        if (plan.chainSchedule().isPresent()) {
            Segment last = plan.segments().get(plan.segments().size() - 1);
            if (g >= last.first()) {
                return Treatment.STORED;
            }
            return activations.keeps(step) ? Treatment.CHECKPOINT : Treatment.DROPPED;
        }
        if (activations.keeps(step)) {
            return activations.keepsGraph(step) ? Treatment.STORED : Treatment.CHECKPOINT;
        }
        return Treatment.DROPPED;
    }

    /** Planned re-runs of plan step {@code step} in one training step. */
    public long predictedRecomputations(int step) {
        int g = graphIndex(step);
        int k = segmentOf(g);
        if (plan.chainSchedule().isPresent()) {
            long runs = 0;
            for (var action : plan.chainSchedule().get().actions()) {
                if (action.kind() == dev.tensorloom.execution.checkpoint.ChainAction.Kind.ADVANCE
                        && action.state() <= k && k < action.toState()) {
                    runs++;
                }
            }
            return runs;
        }
        return plan.segments().get(k).mode() == Segment.Mode.RECOMPUTED ? 1 : 0;
    }

    private int segmentOf(int g) {
        for (int k = 0; k < plan.segments().size(); k++) {
            if (g <= plan.segments().get(k).last()) {
                return k;
            }
        }
        throw new IllegalArgumentException("node " + g + " is in no segment");
    }

    private int graphIndex(int step) {
        for (int g = 0; g < graph.size(); g++) {
            if (graph.step(g) == step) {
                return g;
            }
        }
        throw new IllegalArgumentException("step " + step + " is a source or not in the plan");
    }
}
