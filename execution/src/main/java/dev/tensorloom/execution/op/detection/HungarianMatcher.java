package dev.tensorloom.execution.op.detection;

import java.util.Arrays;

/**
 * Minimum-cost assignment of targets to predictions (DETR's bipartite matching): the
 * shortest-augmenting-path Hungarian algorithm with potentials (Kuhn–Munkres in Jonker and Volgenant's
 * form, O(targets² · predictions)). Targets join one at a time, each along the cheapest path in reduced
 * costs; where costs are equal the lower prediction index wins.
 *
 * <p>The exported PyTorch package's {@code hungarian_match} ({@code export/blocks/_hungarian.py}) is this
 * algorithm step for step in the same double arithmetic, so the studio and the export choose the same
 * assignment, ties included ({@code HungarianParityTest}). Change both together.
 */
public final class HungarianMatcher {
    private HungarianMatcher() {
    }

    /**
     * For each target column of {@code cost[prediction][target]}, the prediction row assigned to it; requires
     * targets ≤ predictions and finite costs. Returns an empty array when there are no targets.
     */
    public static int[] match(double[][] cost) {
        int predictions = cost.length;
        int targets = predictions == 0 ? 0 : cost[0].length;
        if (targets > predictions) {
            throw new IllegalArgumentException(targets + " targets but only " + predictions + " predictions to match them to");
        }
        for (double[] row : cost) {
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("a matching cost is not finite: " + c);
                }
            }
        }
        double[] targetPotential = new double[targets + 1];
        double[] predictionPotential = new double[predictions + 1];
        int[] owner = new int[predictions + 1]; // 1-based target matched to each 1-based prediction; 0 = free
        int[] previous = new int[predictions + 1];
        for (int target = 1; target <= targets; target++) {
            owner[0] = target;
            int current = 0;
            double[] slack = new double[predictions + 1];
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            boolean[] done = new boolean[predictions + 1];
            do {
                done[current] = true;
                int row = owner[current];
                double delta = Double.POSITIVE_INFINITY;
                int chosen = 0;
                for (int p = 1; p <= predictions; p++) {
                    if (!done[p]) {
                        double reduced = cost[p - 1][row - 1] - targetPotential[row] - predictionPotential[p];
                        if (reduced < slack[p]) {
                            slack[p] = reduced;
                            previous[p] = current;
                        }
                        if (slack[p] < delta) {
                            delta = slack[p];
                            chosen = p;
                        }
                    }
                }
                for (int p = 0; p <= predictions; p++) {
                    if (done[p]) {
                        targetPotential[owner[p]] += delta;
                        predictionPotential[p] -= delta;
                    } else {
                        slack[p] -= delta;
                    }
                }
                current = chosen;
            } while (owner[current] != 0);
            while (current != 0) { // flip the augmenting path
                int before = previous[current];
                owner[current] = owner[before];
                current = before;
            }
        }
        int[] rowOfTarget = new int[targets];
        for (int p = 1; p <= predictions; p++) {
            if (owner[p] != 0) {
                rowOfTarget[owner[p] - 1] = p - 1;
            }
        }
        return rowOfTarget;
    }
}
