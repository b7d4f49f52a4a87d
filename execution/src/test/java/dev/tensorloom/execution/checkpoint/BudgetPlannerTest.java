package dev.tensorloom.execution.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BudgetPlannerTest {

    @Test
    void dynamicProgrammingMatchesExhaustiveSearch() {
        Random random = new Random(2024);
        int compared = 0;
        for (int trial = 0; trial < 300; trial++) {
            PlanGraph g = RandomPlanGraphs.blocks(random, 1 + random.nextInt(7));
            List<Integer> boundaries = BoundaryFinder.boundaries(g);
            if (boundaries.size() > 9) {
                continue;
            }
            Exhaustive all = exhaustive(g, boundaries);
            long leastPeak = SegmentCostModel.evaluate(g, BudgetPlanner.leastPeak(g, boundaries)).peakBytes();
            assertEquals(all.leastPeak, leastPeak, "trial " + trial);
            for (int b = 0; b < 6; b++) {
                long budget = leastPeak - 5 + random.nextInt((int) Math.max(10, all.noneCheckpointPeak - leastPeak + 10));
                Optional<List<Segment>> plan = BudgetPlanner.cheapestWithin(g, boundaries, budget);
                long best = all.cheapestWithin(budget);
                if (best < 0) {
                    assertTrue(plan.isEmpty(), "trial " + trial + " budget " + budget);
                } else {
                    SegmentCostModel.Costs costs = SegmentCostModel.evaluate(g, plan.orElseThrow());
                    assertTrue(costs.peakBytes() <= budget, "trial " + trial);
                    assertEquals(best, costs.extraNanos(), "trial " + trial + " budget " + budget);
                }
                compared++;
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    /** Every cut set at boundaries times every stored/recomputed labelling. */
    private record Exhaustive(List<long[]> peakAndCost, long leastPeak, long noneCheckpointPeak) {
        long cheapestWithin(long budget) {
            long best = -1;
            for (long[] pc : peakAndCost) {
                if (pc[0] <= budget && (best < 0 || pc[1] < best)) {
                    best = pc[1];
                }
            }
            return best;
        }
    }

    private static Exhaustive exhaustive(PlanGraph g, List<Integer> boundaries) {
        int inner = boundaries.size() - 1;
        List<long[]> results = new ArrayList<>();
        long least = Long.MAX_VALUE;
        for (int cutMask = 0; cutMask < (1 << inner); cutMask++) {
            List<int[]> ranges = new ArrayList<>();
            int first = 0;
            for (int i = 0; i < inner; i++) {
                if ((cutMask & (1 << i)) != 0) {
                    ranges.add(new int[] {first, boundaries.get(i)});
                    first = boundaries.get(i) + 1;
                }
            }
            ranges.add(new int[] {first, g.size() - 1});
            for (int modeMask = 0; modeMask < (1 << ranges.size()); modeMask++) {
                List<Segment> segments = new ArrayList<>();
                for (int k = 0; k < ranges.size(); k++) {
                    segments.add(new Segment(ranges.get(k)[0], ranges.get(k)[1],
                            (modeMask & (1 << k)) != 0 ? Segment.Mode.RECOMPUTED : Segment.Mode.STORED));
                }
                SegmentCostModel.Costs c = SegmentCostModel.evaluate(g, segments);
                results.add(new long[] {c.peakBytes(), c.extraNanos()});
                least = Math.min(least, c.peakBytes());
            }
        }
        long none = SegmentCostModel.savedBytes(g, 0, g.size() - 1);
        return new Exhaustive(results, least, none);
    }
}
