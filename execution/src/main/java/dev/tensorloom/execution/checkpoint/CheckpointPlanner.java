package dev.tensorloom.execution.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a {@link CheckpointPolicy} into a {@link CheckpointPlan} for a {@link PlanGraph}.
 * Segments always end at {@link BoundaryFinder boundaries}. For none, every-k and sqrt the
 * last segment is stored (it is differentiated right after the forward pass, so recomputing
 * it would buy nothing) and every other segment is recomputed.
 */
public final class CheckpointPlanner {

    private CheckpointPlanner() {
    }

    /**
     * Plans {@code policy} on {@code graph}.
     *
     * @throws IllegalArgumentException when a budget is below the least reachable peak (the
     *     message names that peak)
     */
    public static CheckpointPlan plan(PlanGraph graph, CheckpointPolicy policy) {
        List<Integer> boundaries = BoundaryFinder.boundaries(graph);
        switch (policy.kind()) {
            case NONE:
                return fromSegments(graph, policy, boundaries,
                        List.of(new Segment(0, graph.size() - 1, Segment.Mode.STORED)));
            case EVERY_K:
                return fromCuts(graph, policy, boundaries, everyK(boundaries, policy.argument()));
            case SQRT:
                return fromCuts(graph, policy, boundaries, balancedSqrt(graph, boundaries));
            case REVOLVE:
                return RevolveSegmentPlanner.plan(graph, policy, boundaries);
            case BUDGET:
                return budget(graph, policy, boundaries);
            default:
                throw new IllegalArgumentException("unsupported policy " + policy);
        }
    }

    private static CheckpointPlan budget(PlanGraph graph, CheckpointPolicy policy, List<Integer> boundaries) {
        Optional<List<Segment>> segments = BudgetPlanner.cheapestWithin(graph, boundaries, policy.budgetBytes());
        if (segments.isEmpty()) {
            long least = SegmentCostModel.evaluate(graph, BudgetPlanner.leastPeak(graph, boundaries)).peakBytes();
            // budget:N counts MiB (2^20 bytes): the message says so, as the studio's views do.
            throw new IllegalArgumentException("budget of " + policy.argument() + " MiB (" + policy.budgetBytes()
                    + " bytes) is below the least predicted peak of " + least + " bytes ("
                    + ceilMb(least) + " MiB)");
        }
        return fromSegments(graph, policy, boundaries, segments.get());
    }

    private static long ceilMb(long bytes) {
        return (bytes + CheckpointPolicy.BYTES_PER_MB - 1) / CheckpointPolicy.BYTES_PER_MB;
    }

    /** Every k-th boundary, counting from the first; never the last node. */
    private static List<Integer> everyK(List<Integer> boundaries, long k) {
        List<Integer> cuts = new ArrayList<>();
        for (long i = k - 1; i < boundaries.size() - 1; i += k) {
            cuts.add(boundaries.get((int) i));
        }
        return cuts;
    }

    /**
     * About {@code sqrt(m)} segments for {@code m} boundaries (Chen et al. 2016), cut where the
     * running sum of saved bytes is nearest to equal shares, so segments hold similar memory
     * rather than similar node counts.
     */
    private static List<Integer> balancedSqrt(PlanGraph graph, List<Integer> boundaries) {
        int groups = (int) Math.ceil(Math.sqrt(boundaries.size()));
        long total = SegmentCostModel.savedBytes(graph, 0, graph.size() - 1);
        TreeSet<Integer> cuts = new TreeSet<>();
        int candidate = 0;
        for (int t = 1; t < groups; t++) {
            double target = (double) total * t / groups;
            while (candidate < boundaries.size() - 1
                    && (cuts.contains(boundaries.get(candidate)) || cumulative(graph, boundaries.get(candidate)) < target)) {
                candidate++;
            }
            if (candidate >= boundaries.size() - 1) {
                break;
            }
            int choice = candidate;
            // The boundary just before may sit closer to the target than the one just past it.
            if (choice > 0 && !cuts.contains(boundaries.get(choice - 1))
                    && (cuts.isEmpty() || boundaries.get(choice - 1) > cuts.last())
                    && target - cumulative(graph, boundaries.get(choice - 1))
                        <= cumulative(graph, boundaries.get(choice)) - target) {
                choice--;
            }
            cuts.add(boundaries.get(choice));
        }
        return new ArrayList<>(cuts);
    }

    private static long cumulative(PlanGraph graph, int node) {
        return SegmentCostModel.savedBytes(graph, 0, node);
    }

    private static CheckpointPlan fromCuts(PlanGraph graph, CheckpointPolicy policy, List<Integer> boundaries,
            List<Integer> cuts) {
        List<Segment> segments = new ArrayList<>();
        int first = 0;
        for (int cut : cuts) {
            segments.add(new Segment(first, cut, Segment.Mode.RECOMPUTED));
            first = cut + 1;
        }
        segments.add(new Segment(first, graph.size() - 1, Segment.Mode.STORED));
        return fromSegments(graph, policy, boundaries, segments);
    }

    private static CheckpointPlan fromSegments(PlanGraph graph, CheckpointPolicy policy, List<Integer> boundaries,
            List<Segment> segments) {
        SegmentCostModel.Costs costs = SegmentCostModel.evaluate(graph, segments);
        return new CheckpointPlan(policy, boundaries, segments, costs.keptNodes(), costs.peakBytes(),
                costs.recomputeCount(), costs.extraNanos(), Optional.empty());
    }
}
