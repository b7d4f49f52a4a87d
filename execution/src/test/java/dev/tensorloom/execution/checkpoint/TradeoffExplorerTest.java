package dev.tensorloom.execution.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeoffExplorerTest {
    private static final long MIB = 1L << 20;
    private static final long NONE_STEP = 1_000;

    /** 16 nodes, each saving 10 MiB, outputting 1 MiB, taking 5 ns. */
    private static PlanGraph uniformChain() {
        List<PlanNode> nodes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            nodes.add(new PlanNode("L" + i, 10 * MIB, MIB, 5));
        }
        return PlanGraph.chain(nodes);
    }

    @Test
    void noneIsTheFastestPointAndEveryFamilyIsTried() {
        Tradeoff t = TradeoffExplorer.explore(uniformChain(), NONE_STEP);
        TradeoffPoint none = t.points().get(0);
        assertEquals(CheckpointPolicy.none(), none.policy());
        assertEquals(160 * MIB, none.peakBytes());
        assertEquals(NONE_STEP, none.stepNanos());
        assertTrue(none.onFrontier(), "nothing is faster than none");
        Set<CheckpointPolicy.Kind> kinds = new HashSet<>();
        t.points().forEach(p -> kinds.add(p.policy().kind()));
        assertEquals(Set.of(CheckpointPolicy.Kind.values()), kinds, "a point of every family");
        for (TradeoffPoint p : t.points()) {
            assertEquals(NONE_STEP + p.extraNanos(), p.stepNanos(), p.policy().toString());
            CheckpointPlan plan = CheckpointPlanner.plan(uniformChain(), p.policy());
            assertEquals(plan.peakBytes(), p.peakBytes(), p.policy() + " is the planner's prediction");
        }
    }

    @Test
    void revolveSlotsStopWhereMoreSlotsSaveNoAdvances() {
        List<CheckpointPolicy> tried = TradeoffExplorer.policies(uniformChain());
        List<Long> slots = tried.stream().filter(p -> p.kind() == CheckpointPolicy.Kind.REVOLVE)
                .map(CheckpointPolicy::argument).toList();
        assertEquals(1L, slots.get(0));
        long last = slots.get(slots.size() - 1);
        assertEquals(15, RevolveFormula.minAdvances(16, (int) last), "the last one advances once per step");
        assertTrue(RevolveFormula.minAdvances(16, (int) last - 1) > 15, "one slot fewer advances more");
        assertEquals(15, tried.stream().filter(p -> p.kind() == CheckpointPolicy.Kind.EVERY_K).count(),
                "every-k:1 .. every-k:15 on 16 boundaries");
    }

    @Test
    void theFrontierIsExactlyTheUndominatedPoints() {
        Random random = new Random(20);
        for (int trial = 0; trial < 30; trial++) {
            PlanGraph g = RandomPlanGraphs.blocks(random, 4 + random.nextInt(20));
            Tradeoff t = TradeoffExplorer.explore(g, 500);
            Set<List<Long>> distinct = new HashSet<>();
            for (TradeoffPoint p : t.points()) {
                assertTrue(distinct.add(List.of(p.peakBytes(), p.extraNanos())), "no two points alike: " + p);
                boolean dominated = t.points().stream().anyMatch(o -> o.dominates(p));
                assertEquals(!dominated, p.onFrontier(), p.toString());
            }
            List<TradeoffPoint> frontier = t.frontier();
            for (int i = 1; i < frontier.size(); i++) {
                assertTrue(frontier.get(i).peakBytes() > frontier.get(i - 1).peakBytes());
                assertTrue(frontier.get(i).stepNanos() < frontier.get(i - 1).stepNanos(),
                        "more memory on the frontier always buys time");
            }
        }
    }

    @Test
    void fastestWithinABudgetIsTheQuickestPlanThatFits() {
        PlanGraph g = uniformChain();
        Tradeoff t = TradeoffExplorer.explore(g, NONE_STEP);
        for (long mib : new long[] {20, 42, 64, 100, 160}) {
            TradeoffPoint best = TradeoffExplorer.fastestWithin(g, t, mib).orElseThrow();
            assertTrue(best.peakBytes() <= mib * MIB, mib + " MiB: " + best);
            for (TradeoffPoint p : t.points()) {
                if (p.peakBytes() <= mib * MIB) {
                    assertTrue(best.stepNanos() <= p.stepNanos(), mib + " MiB: " + best + " slower than " + p);
                }
            }
        }
        assertEquals(CheckpointPolicy.none(), TradeoffExplorer.fastestWithin(g, t, 160).orElseThrow().policy());
        assertEquals(Optional.empty(), TradeoffExplorer.fastestWithin(g, t, 1), "below the least reachable peak");
    }
}
