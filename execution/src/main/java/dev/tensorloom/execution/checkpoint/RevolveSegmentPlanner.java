package dev.tensorloom.execution.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Applies Revolve to a graph by treating the segments between consecutive boundaries as the
 * steps of a chain: state {@code k > 0} is the output of the boundary ending segment
 * {@code k-1}, state 0 is the batch. Node 0 is always a boundary, so any graph yields a chain
 * (of one step per single-node segment for a plain chain). Predictions come from simulating
 * the schedule.
 */
final class RevolveSegmentPlanner {

    private RevolveSegmentPlanner() {
    }

    static CheckpointPlan plan(PlanGraph graph, CheckpointPolicy policy, List<Integer> boundaries) {
        int steps = boundaries.size();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int first = i == 0 ? 0 : boundaries.get(i - 1) + 1;
            // Only the last step is taped once; all others are advanced untaped first.
            segments.add(new Segment(first, boundaries.get(i), i == steps - 1 ? Segment.Mode.STORED : Segment.Mode.RECOMPUTED));
        }
        ChainSchedule schedule = RevolvePlanner.plan(steps, (int) policy.argument());
        ChainScheduleSimulator.Result run = ChainScheduleSimulator.run(schedule,
                state -> state == 0 ? 0 : graph.node(boundaries.get(state - 1)).outputBytes(),
                step -> SegmentCostModel.savedBytes(graph, segments.get(step).first(), segments.get(step).last()));
        long recomputed = 0;
        long nanos = 0;
        TreeSet<Integer> kept = new TreeSet<>();
        for (ChainAction action : schedule.actions()) {
            if (action.kind() == ChainAction.Kind.ADVANCE) {
                // Every advance re-runs what the taped reverse of that step will run again.
                for (int step = action.state(); step < action.toState(); step++) {
                    Segment s = segments.get(step);
                    recomputed += s.size();
                    nanos += SegmentCostModel.forwardNanos(graph, s.first(), s.last());
                }
            } else if (action.kind() == ChainAction.Kind.TAKE_SNAPSHOT && action.state() > 0) {
                kept.add(boundaries.get(action.state() - 1));
            }
        }
        return new CheckpointPlan(policy, boundaries, segments, new ArrayList<>(kept), run.peakBytes(), recomputed, nanos,
                Optional.of(schedule));
    }
}
