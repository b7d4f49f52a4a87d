package dev.tensorloom.execution.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundaryFinderTest {

    @Test
    void everyNodeOfAChainIsABoundary() {
        List<PlanNode> nodes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(new PlanNode("c" + i, 1, 1, 1));
        }
        assertEquals(List.of(0, 1, 2, 3, 4), BoundaryFinder.boundaries(PlanGraph.chain(nodes)));
    }

    @Test
    void residualAndDiamondInteriorsAreNotBoundaries() {
        PlanGraph.Builder b = PlanGraph.builder();
        for (int i = 0; i < 7; i++) {
            b.add("n" + i, 1, 1, 1);
        }
        // 0 -> 1 -> 2 -> 3 with skip 1 -> 3; then diamond 3 -> {4, 5} -> 6.
        b.edge(0, 1).edge(1, 2).edge(2, 3).edge(1, 3).edge(3, 4).edge(3, 5).edge(4, 6).edge(5, 6);
        assertEquals(List.of(0, 1, 3, 6), BoundaryFinder.boundaries(b.build()));
    }

    @Test
    void aCutVertexJumpedOverInIndexOrderIsNotABoundary() {
        // 2 separates {0,1} from {3} in the undirected graph, but edge 1 -> 3 runs past it
        // in index order: 0 -> 1, 1 -> 2 (dead-end branch), 1 -> 3.
        PlanGraph.Builder b = PlanGraph.builder();
        for (int i = 0; i < 4; i++) {
            b.add("n" + i, 1, 1, 1);
        }
        b.edge(0, 1).edge(1, 2).edge(1, 3);
        assertEquals(List.of(0, 1, 3), BoundaryFinder.boundaries(b.build()));
    }

    @Test
    void matchesTheDefinitionOnRandomGraphs() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            PlanGraph g = RandomPlanGraphs.arbitrary(random, 2 + random.nextInt(14), random.nextDouble() * 0.3);
            assertEquals(byDefinition(g), BoundaryFinder.boundaries(g), "trial " + trial);
        }
    }

    /** v separates when, without v, no node before it is connected to any node after it. */
    private static List<Integer> byDefinition(PlanGraph g) {
        int n = g.size();
        List<Integer> result = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (v == 0 || v == n - 1 || !connectsAcross(g, v)) {
                result.add(v);
            }
        }
        return result;
    }

    private static boolean connectsAcross(PlanGraph g, int v) {
        boolean[] seen = new boolean[g.size()];
        Deque<Integer> todo = new ArrayDeque<>();
        for (int u = 0; u < v; u++) {
            seen[u] = true;
            todo.push(u);
        }
        seen[v] = true;
        while (!todo.isEmpty()) {
            int u = todo.pop();
            if (u > v) {
                return true;
            }
            for (List<Integer> next : List.of(g.successors(u), g.predecessors(u))) {
                for (int w : next) {
                    if (!seen[w]) {
                        seen[w] = true;
                        todo.push(w);
                    }
                }
            }
        }
        return false;
    }
}
