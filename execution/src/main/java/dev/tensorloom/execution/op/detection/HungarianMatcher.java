package dev.tensorloom.execution.op.detection;

import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import java.util.HashSet;
import java.util.Set;

/**
 * Minimum-cost assignment of targets to predictions (DETR's bipartite matching) with JGraphT's
 * Kuhn–Munkres. The cost matrix is {@code [predictions][targets]}; a rectangular matrix is padded to a
 * square with zero-cost dummy vertices, which does not change which real pairs are optimal.
 */
public final class HungarianMatcher {
    private HungarianMatcher() {
    }

    /**
     * For each target column, the prediction row assigned to it; requires targets ≤ predictions.
     * Returns an empty array when there are no targets.
     */
    public static int[] match(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        if (cols == 0) {
            return new int[0];
        }
        if (cols > rows) {
            throw new IllegalArgumentException(cols + " targets but only " + rows + " predictions to match them to");
        }
        int n = rows;
        SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<Integer> left = new HashSet<>();
        Set<Integer> right = new HashSet<>();
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
            left.add(i);
            graph.addVertex(n + i);
            right.add(n + i);
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                DefaultWeightedEdge e = graph.addEdge(r, n + c);
                graph.setEdgeWeight(e, c < cols ? cost[r][c] : 0.0);
            }
        }
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
                new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, left, right).getMatching();
        int[] rowOfTarget = new int[cols];
        for (DefaultWeightedEdge e : matching.getEdges()) {
            int a = graph.getEdgeSource(e);
            int b = graph.getEdgeTarget(e);
            int row = Math.min(a, b);
            int col = Math.max(a, b) - n;
            if (col < cols) {
                rowOfTarget[col] = row;
            }
        }
        return rowOfTarget;
    }
}
