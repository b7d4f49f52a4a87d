package dev.tensorloom.execution.checkpoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans every policy the planner offers on one model and predicts each one's peak and step time: the
 * whole memory/time trade-off, not one policy against {@code none}. Tried in this order: {@code none},
 * {@code sqrt}, {@code every-k:K} for every K that cuts the model ({@code 1 .. boundaries-1}),
 * {@code revolve:S} from one slot up to the first S that needs no more than one advance per step, and
 * {@code budget:MB} at {@value #BUDGET_STEPS} budgets spread from the least reachable peak to
 * {@code none}'s. Policies that predict the very same peak and time as one tried earlier are left out,
 * so every point on the chart is a different trade-off.
 *
 * <p>Step time is predicted as {@code none}'s step time plus the recomputed forwards' time: the planner's
 * cost model only knows forward times, and a recomputed segment runs its forward once more. Callers that
 * timed {@code none}'s forward pass on the whole batch scale the profiled per-node times to it first
 * ({@link PlanGraph#withTotalForwardNanos}); times profiled on a slice are good proportions but poor totals.
 */
public final class TradeoffExplorer {
    /** Budgets tried between the least reachable peak and {@code none}'s peak. */
    static final int BUDGET_STEPS = 24;
    /** Revolve slot counts whose schedule would run more advances than this are skipped (S = 1 is quadratic). */
    static final long MAX_ADVANCES = 1_000_000;

    private TradeoffExplorer() {
    }

    /**
     * Explores {@code graph}.
     *
     * @param noneStepNanos the step time without checkpointing (measured, or estimated by the caller)
     */
    public static Tradeoff explore(PlanGraph graph, long noneStepNanos) {
        List<TradeoffPoint> points = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        for (CheckpointPolicy policy : policies(graph)) {
            TradeoffPoint p = predict(graph, policy, noneStepNanos);
            if (seen.add(List.of(p.peakBytes(), p.extraNanos()))) {
                points.add(p);
            }
        }
        return new Tradeoff(markFrontier(points), noneStepNanos);
    }

    /**
     * The fastest plan predicted to fit in {@code mebibytes} MiB: the best explored point, or the
     * {@code budget:MB} plan for exactly that budget when it is faster; empty when nothing fits.
     */
    public static Optional<TradeoffPoint> fastestWithin(PlanGraph graph, Tradeoff tradeoff, long mebibytes) {
        long bytes = Math.multiplyExact(mebibytes, CheckpointPolicy.BYTES_PER_MB);
        Optional<TradeoffPoint> explored = tradeoff.fastestWithin(bytes);
        Optional<TradeoffPoint> budget = Optional.empty();
        try {
            TradeoffPoint p = predict(graph, CheckpointPolicy.budgetMb(mebibytes), tradeoff.noneStepNanos());
            budget = Optional.of(p.onFrontier(tradeoff.points().stream().noneMatch(o -> o.dominates(p))));
        } catch (IllegalArgumentException belowLeastPeak) {
            // Revolve may still fit where no segmentation does; the explored points say.
        }
        if (explored.isEmpty()) {
            return budget;
        }
        if (budget.isEmpty() || explored.get().stepNanos() <= budget.get().stepNanos()) {
            return explored;
        }
        return budget;
    }

    /** Plans one policy and predicts its point (frontier not yet known). */
    public static TradeoffPoint predict(PlanGraph graph, CheckpointPolicy policy, long noneStepNanos) {
        CheckpointPlan plan = CheckpointPlanner.plan(graph, policy);
        return new TradeoffPoint(policy, plan.peakBytes(), plan.extraNanos(), noneStepNanos + plan.extraNanos(),
                plan.recomputeCount(), false);
    }

    /** The policies tried, in order. */
    static List<CheckpointPolicy> policies(PlanGraph graph) {
        int boundaries = BoundaryFinder.boundaries(graph).size();
        Set<CheckpointPolicy> out = new LinkedHashSet<>();
        out.add(CheckpointPolicy.none());
        out.add(CheckpointPolicy.sqrt());
        for (int k = 1; k < boundaries; k++) {
            out.add(CheckpointPolicy.everyK(k));
        }
        for (int slots = 1; slots <= boundaries; slots++) {
            long advances = RevolveFormula.minAdvances(boundaries, slots);
            if (advances <= MAX_ADVANCES) {
                out.add(CheckpointPolicy.revolve(slots));
            }
            if (advances <= boundaries - 1L) {
                break;
            }
        }
        out.addAll(budgets(graph));
        return List.copyOf(out);
    }

    /** {@value #BUDGET_STEPS} whole-MiB budgets from the least reachable peak up to {@code none}'s peak. */
    private static List<CheckpointPolicy> budgets(PlanGraph graph) {
        List<Integer> boundaries = BoundaryFinder.boundaries(graph);
        long least = SegmentCostModel.evaluate(graph, BudgetPlanner.leastPeak(graph, boundaries)).peakBytes();
        long most = CheckpointPlanner.plan(graph, CheckpointPolicy.none()).peakBytes();
        long low = ceilMib(least);
        long high = Math.max(low, ceilMib(most));
        Set<CheckpointPolicy> out = new LinkedHashSet<>();
        for (int i = 0; i < BUDGET_STEPS; i++) {
            long mib = low + Math.round((high - low) * (double) i / (BUDGET_STEPS - 1));
            out.add(CheckpointPolicy.budgetMb(Math.max(1, mib)));
        }
        return List.copyOf(out);
    }

    private static long ceilMib(long bytes) {
        return (bytes + CheckpointPolicy.BYTES_PER_MB - 1) / CheckpointPolicy.BYTES_PER_MB;
    }

    private static List<TradeoffPoint> markFrontier(List<TradeoffPoint> points) {
        List<TradeoffPoint> out = new ArrayList<>(points.size());
        for (TradeoffPoint p : points) {
            out.add(p.onFrontier(points.stream().noneMatch(o -> o.dominates(p))));
        }
        return out;
    }
}
