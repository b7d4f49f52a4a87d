package dev.tensorloom.execution.checkpoint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scheduler should do for one policy on one graph, and what it is predicted to cost
 * under {@link SegmentCostModel} (or, for Revolve, by simulating the schedule).
 *
 * @param policy the policy planned for
 * @param boundaries all nodes a segment may end at, ascending
 * @param segments the segments in forward order; they tile {@code 0..n-1}
 * @param keptNodes nodes whose outputs are checkpointed during the forward pass
 * @param peakBytes predicted peak of activation bytes held
 * @param recomputeCount predicted node forwards run beyond one per node
 * @param extraNanos predicted time of those forwards
 * @param chainSchedule for Revolve, the schedule over segments (segment {@code i} is chain
 *     step {@code i}); empty for the other policies
 */
public record CheckpointPlan(CheckpointPolicy policy, List<Integer> boundaries, List<Segment> segments,
        List<Integer> keptNodes, long peakBytes, long recomputeCount, long extraNanos,
        Optional<ChainSchedule> chainSchedule) {

    public CheckpointPlan {
        Objects.requireNonNull(policy, "policy");
        boundaries = List.copyOf(boundaries);
        segments = List.copyOf(segments);
        keptNodes = List.copyOf(keptNodes);
        Objects.requireNonNull(chainSchedule, "chainSchedule");
    }
}
