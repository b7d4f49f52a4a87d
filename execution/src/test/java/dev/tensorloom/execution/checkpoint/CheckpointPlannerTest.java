package dev.tensorloom.execution.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointPlannerTest {

    private static final long MIB = 1L << 20;

    /** 16 nodes, each saving 10 MiB, outputting 1 MiB, taking 5 ns. */
    private static PlanGraph uniformChain() {
        List<PlanNode> nodes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            nodes.add(new PlanNode("L" + i, 10 * MIB, MIB, 5));
        }
        return PlanGraph.chain(nodes);
    }

    @Test
    void noneKeepsEverything() {
        CheckpointPlan plan = CheckpointPlanner.plan(uniformChain(), CheckpointPolicy.none());
        assertEquals(160 * MIB, plan.peakBytes());
        assertEquals(0, plan.recomputeCount());
        assertEquals(0, plan.extraNanos());
        assertEquals(List.of(), plan.keptNodes());
        assertEquals(List.of(new Segment(0, 15, Segment.Mode.STORED)), plan.segments());
    }

    @Test
    void everyFourKeepsEveryFourthBoundary() {
        CheckpointPlan plan = CheckpointPlanner.plan(uniformChain(), CheckpointPolicy.parse("every-k:4"));
        assertEquals(List.of(3, 7, 11, 15), lasts(plan));
        // Node 11 starts the stored last segment, so its output is no separate checkpoint.
        assertEquals(List.of(3, 7), plan.keptNodes());
        // Third recomputed segment holds checkpoints 3 and 7 plus its own 40 MiB.
        assertEquals(42 * MIB, plan.peakBytes());
        assertEquals(12, plan.recomputeCount());
        assertEquals(60, plan.extraNanos());
    }

    @Test
    void sqrtCutsBalancedSegments() {
        CheckpointPlan plan = CheckpointPlanner.plan(uniformChain(), CheckpointPolicy.sqrt());
        assertEquals(List.of(3, 7, 11, 15), lasts(plan));
        assertEquals(42 * MIB, plan.peakBytes());
    }

    @Test
    void sqrtBalancesBytesNotNodeCounts() {
        // One heavy node first: equal byte shares put the first cut right after it.
        List<PlanNode> nodes = new ArrayList<>();
        nodes.add(new PlanNode("heavy", 90, 1, 1));
        for (int i = 1; i < 9; i++) {
            nodes.add(new PlanNode("light" + i, 10, 1, 1));
        }
        CheckpointPlan plan = CheckpointPlanner.plan(PlanGraph.chain(nodes), CheckpointPolicy.sqrt());
        // total 170, three shares of ~56.7: cumulative 90 (node 0) then 110 (node 2) nearest to 113.3.
        assertEquals(List.of(0, 2, 8), lasts(plan));
    }

    private static List<Integer> lasts(CheckpointPlan plan) {
        return plan.segments().stream().map(Segment::last).toList();
    }

    @Test
    void revolveOnAChainUsesTheBinomialSchedule() {
        CheckpointPlan plan = CheckpointPlanner.plan(uniformChain(), CheckpointPolicy.revolve(4));
        assertEquals(27, plan.recomputeCount());
        assertEquals(27 * 5, plan.extraNanos());
        assertTrue(plan.chainSchedule().isPresent());
        assertEquals(27, plan.chainSchedule().get().advances());
        // Input slot (0 bytes) plus three 1 MiB states, plus one 10 MiB tape.
        assertEquals(13 * MIB, plan.peakBytes());
    }

    @Test
    void revolveOnAGeneralGraphStepsOverSegments() {
        // 0 -> 1 -> 2 with skip 0 -> 2: segments [0] and [1..2] are the two chain steps.
        PlanGraph.Builder b = PlanGraph.builder();
        b.add("a", 1, 1, 1);
        b.add("b", 1, 1, 2);
        b.add("c", 1, 1, 4);
        b.edge(0, 1).edge(1, 2).edge(0, 2);
        CheckpointPlan plan = CheckpointPlanner.plan(b.build(), CheckpointPolicy.revolve(2));
        assertEquals(List.of(new Segment(0, 0, Segment.Mode.RECOMPUTED), new Segment(1, 2, Segment.Mode.STORED)),
                plan.segments());
        // One advance (node a), then the taped reverse of [b, c] holds their 2 bytes.
        assertEquals(1, plan.recomputeCount());
        assertEquals(1, plan.extraNanos());
        assertEquals(2, plan.peakBytes());
        assertEquals(List.of(), plan.keptNodes());
    }

    @Test
    void generousBudgetRecomputesNothing() {
        CheckpointPlan plan = CheckpointPlanner.plan(uniformChain(), CheckpointPolicy.budgetMb(160));
        assertEquals(0, plan.recomputeCount());
        assertEquals(160 * MIB, plan.peakBytes());
    }

    @Test
    void tightBudgetIsMetWithLeastRecompute() {
        CheckpointPlan plan = CheckpointPlanner.plan(uniformChain(), CheckpointPolicy.budgetMb(42));
        assertTrue(plan.peakBytes() <= 42 * MIB);
        // every-k:4 fits 42 MiB recomputing 12 nodes; the optimum can only be cheaper.
        assertTrue(plan.recomputeCount() <= 12, "recomputed " + plan.recomputeCount());
        assertEquals(plan.recomputeCount() * 5, plan.extraNanos());
    }

    @Test
    void impossibleBudgetNamesTheLeastPeak() {
        long least = SegmentCostModel.evaluate(uniformChain(),
                BudgetPlanner.leastPeak(uniformChain(), BoundaryFinder.boundaries(uniformChain()))).peakBytes();
        long leastMb = (least + MIB - 1) / MIB;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckpointPlanner.plan(uniformChain(), CheckpointPolicy.budgetMb(leastMb - 1)));
        assertTrue(e.getMessage().contains("least predicted peak of " + least + " bytes"), e.getMessage());
        assertTrue(CheckpointPlanner.plan(uniformChain(), CheckpointPolicy.budgetMb(leastMb)).peakBytes() <= leastMb * MIB);
    }

    @Test
    void planOfARandomGraphTilesItAtBoundaries() {
        PlanGraph g = RandomPlanGraphs.blocks(new java.util.Random(3), 12);
        for (String policy : List.of("none", "every-k:2", "sqrt", "revolve:3", "budget:1")) {
            CheckpointPlan plan = CheckpointPlanner.plan(g, CheckpointPolicy.parse(policy));
            int next = 0;
            for (Segment s : plan.segments()) {
                assertEquals(next, s.first(), policy);
                assertTrue(plan.boundaries().contains(s.last()), policy);
                next = s.last() + 1;
            }
            assertEquals(g.size(), next, policy);
        }
    }
}
