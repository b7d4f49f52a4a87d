package dev.tensorloom.execution.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Finds the nodes whose single output can stand for everything computed before them: the only
 * places a segment may end. Node 0 and the last node qualify trivially.
 */
public final class BoundaryFinder {

    private BoundaryFinder() {
    }

    /**
     * The boundaries in ascending order; always ends with the last node.
     *
     * <p>An interior node must be a cut vertex of the undirected graph (JGraphT
     * {@link BiconnectivityInspector}), which is independent of node order. That alone is not
     * enough: the executor runs nodes in index order, so the cut must also separate lower
     * indices from higher ones, meaning no edge jumps over the node. Only then does every path
     * from the earlier nodes to the later ones pass through it.
     */
    public static List<Integer> boundaries(PlanGraph graph) {
        int n = graph.size();
        Set<Integer> cutVertices = cutVertices(graph);
        // reach[v] = highest index any edge from nodes < v reaches; v is jumped over when > v.
        int furthest = -1;
        List<Integer> result = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            boolean jumpedOver = furthest > v;
            boolean trivial = v == 0 || v == n - 1;
            if (!jumpedOver && (trivial || cutVertices.contains(v))) {
                result.add(v);
            }
            for (int w : graph.successors(v)) {
                furthest = Math.max(furthest, w);
            }
        }
        return List.copyOf(result);
    }

    private static Set<Integer> cutVertices(PlanGraph graph) {
        Graph<Integer, DefaultEdge> undirected = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < graph.size(); v++) {
            undirected.addVertex(v);
        }
        for (int v = 0; v < graph.size(); v++) {
            for (int w : graph.successors(v)) {
                undirected.addEdge(v, w);
            }
        }
        return new BiconnectivityInspector<>(undirected).getCutpoints();
    }
}
