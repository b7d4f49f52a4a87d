package dev.tensorloom.execution.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Exact dynamic programming over boundaries for {@code budget:MB}: the segmentation (cuts at
 * boundaries, each segment stored or recomputed) with the least recomputation time whose
 * {@link SegmentCostModel} peak fits the budget, and the smallest peak reachable at all.
 *
 * <p>Scanning segments in forward order, a partial plan is summed up by two numbers: the bytes
 * it leaves held for everything after it ({@code sum of held(j)}), and its cost so far (time,
 * or the largest {@code M(k)} so far). Later segments depend on the past only through the held
 * bytes, so keeping the Pareto front of (held, cost) per boundary is exact. The front stays
 * small in practice; worst case it grows with the number of distinct sums.
 */
public final class BudgetPlanner {

    private BudgetPlanner() {
    }

    /** The cheapest segmentation with predicted peak within {@code budgetBytes}, if any. */
    public static Optional<List<Segment>> cheapestWithin(PlanGraph graph, List<Integer> boundaries, long budgetBytes) {
        return solve(graph, boundaries, budgetBytes, false);
    }

    /** A segmentation with the smallest predicted peak. */
    public static List<Segment> leastPeak(PlanGraph graph, List<Integer> boundaries) {
        return solve(graph, boundaries, Long.MAX_VALUE, true).orElseThrow();
    }

    /** A partial plan ending at a boundary position; {@code objective} is time or peak so far. */
    private record Label(long held, long objective, Label previous, int from, int to, Segment.Mode mode) {
    }

    private static Optional<List<Segment>> solve(PlanGraph graph, List<Integer> boundaries, long budget, boolean minimisePeak) {
        int m = boundaries.size();
        long[] savedPrefix = new long[graph.size() + 1];
        long[] nanosPrefix = new long[graph.size() + 1];
        for (int i = 0; i < graph.size(); i++) {
            savedPrefix[i + 1] = savedPrefix[i] + graph.node(i).savedBytes();
            nanosPrefix[i + 1] = nanosPrefix[i] + graph.node(i).forwardNanos();
        }
        List<List<Label>> fronts = new ArrayList<>();
        for (int p = 0; p <= m; p++) {
            fronts.add(new ArrayList<>());
        }
        fronts.get(0).add(new Label(0, 0, null, -1, -1, null));
        for (int p = 0; p < m; p++) {
            int first = p == 0 ? 0 : boundaries.get(p - 1) + 1;
            long checkpoint = p == 0 ? 0 : graph.node(first - 1).outputBytes();
            for (Label label : fronts.get(p)) {
                for (int q = p + 1; q <= m; q++) {
                    int last = boundaries.get(q - 1);
                    long saved = savedPrefix[last + 1] - savedPrefix[first];
                    long nanos = nanosPrefix[last + 1] - nanosPrefix[first];
                    long storedPeak = label.held() + saved;
                    if (storedPeak <= budget) {
                        long objective = minimisePeak ? Math.max(label.objective(), storedPeak) : label.objective();
                        insert(fronts.get(q), new Label(storedPeak, objective, label, first, last, Segment.Mode.STORED));
                    }
                    long recomputePeak = label.held() + checkpoint + saved;
                    if (recomputePeak <= budget) {
                        long objective = minimisePeak ? Math.max(label.objective(), recomputePeak) : label.objective() + nanos;
                        insert(fronts.get(q), new Label(label.held() + checkpoint, objective, label, first, last,
                                Segment.Mode.RECOMPUTED));
                    }
                }
            }
        }
        Label best = null;
        for (Label label : fronts.get(m)) {
            if (best == null || label.objective() < best.objective()
                    || (label.objective() == best.objective() && label.held() < best.held())) {
                best = label;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<Segment> segments = new ArrayList<>();
        for (Label l = best; l.previous() != null; l = l.previous()) {
            segments.add(new Segment(l.from(), l.to(), l.mode()));
        }
        Collections.reverse(segments);
        return Optional.of(segments);
    }

    /** Adds {@code label} unless another is at least as good on both counts; drops what it beats. */
    private static void insert(List<Label> front, Label label) {
        for (Label other : front) {
            if (other.held() <= label.held() && other.objective() <= label.objective()) {
                return;
            }
        }
        front.removeIf(other -> label.held() <= other.held() && label.objective() <= other.objective());
        front.add(label);
    }
}
