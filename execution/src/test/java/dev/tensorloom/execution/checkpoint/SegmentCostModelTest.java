package dev.tensorloom.execution.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCostModelTest {

    @Test
    void peakCountsEarlierHoldingsPlusTheSegmentInBackward() {
        PlanGraph g = PlanGraph.chain(List.of(
                new PlanNode("a", 100, 7, 1),
                new PlanNode("b", 50, 3, 2),
                new PlanNode("c", 40, 5, 4),
                new PlanNode("d", 30, 2, 8)));
        List<Segment> segments = List.of(
                new Segment(0, 0, Segment.Mode.STORED),      // holds 100
                new Segment(1, 2, Segment.Mode.RECOMPUTED),  // checkpoint a (7): M = 107 + 90
                new Segment(3, 3, Segment.Mode.RECOMPUTED)); // checkpoint c (5): M = 112 + 30
        SegmentCostModel.Costs costs = SegmentCostModel.evaluate(g, segments);
        assertEquals(197, costs.peakBytes());
        assertEquals(3, costs.recomputeCount());
        assertEquals(14, costs.extraNanos());
        assertEquals(List.of(0, 2), costs.keptNodes());
    }

    @Test
    void segmentsMustTileTheGraph() {
        PlanGraph g = PlanGraph.chain(List.of(new PlanNode("a", 1, 1, 1), new PlanNode("b", 1, 1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> SegmentCostModel.evaluate(g, List.of(new Segment(0, 0, Segment.Mode.STORED))));
        assertThrows(IllegalArgumentException.class,
                () -> SegmentCostModel.evaluate(g, List.of(new Segment(1, 1, Segment.Mode.STORED))));
    }

    @Test
    void graphRejectsBackwardEdgesAndDisconnectedNodes() {
        PlanGraph.Builder backward = PlanGraph.builder();
        backward.add("a", 1, 1, 1);
        backward.add("b", 1, 1, 1);
        backward.edge(1, 0);
        assertThrows(IllegalArgumentException.class, backward::build);
        PlanGraph.Builder apart = PlanGraph.builder();
        apart.add("a", 1, 1, 1);
        apart.add("b", 1, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, apart::build);
        assertEquals("plan graph is not connected: node 'b' is not linked to node 'a'", e.getMessage());
    }
}
