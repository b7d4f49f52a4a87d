package dev.tensorloom.execution.op.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HungarianMatcherTest {
    @Test
    void matchesTheBestAssignmentFoundByBruteForce() {
        Random random = new Random(42);
        for (int trial = 0; trial < 60; trial++) {
            int rows = 1 + random.nextInt(5);
            int cols = random.nextInt(rows + 1);
            double[][] cost = new double[rows][cols];
            for (double[] row : cost) {
                for (int c = 0; c < cols; c++) {
                    row[c] = random.nextGaussian() * 3;
                }
            }
            int[] match = HungarianMatcher.match(cost);
            assertEquals(cols, match.length);
            Set<Integer> used = new HashSet<>();
            double total = 0;
            for (int c = 0; c < cols; c++) {
                used.add(match[c]);
                total += cost[match[c]][c];
            }
            assertEquals(cols, used.size(), "each prediction matched at most once");
            assertEquals(bruteForce(cost, 0, new boolean[rows]), total, 1e-9);
        }
    }

    @Test
    void onEqualCostsTheLowerPredictionIndexWins() {
        double[][] equal = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
        assertArrayEquals(new int[] {0, 1}, HungarianMatcher.match(equal));
        // predictions 1 and 2 are the same and both beat 0: target 0 takes the first of them
        double[][] twins = {{3, 3}, {1, 2}, {1, 2}};
        assertArrayEquals(new int[] {1, 2}, HungarianMatcher.match(twins));
    }

    @Test
    void refusesCostsThatAreNotFinite() {
        assertThrows(IllegalArgumentException.class, () -> HungarianMatcher.match(new double[][] {{Double.NaN}}));
    }

    @Test
    void refusesMoreTargetsThanPredictions() {
        assertThrows(IllegalArgumentException.class, () -> HungarianMatcher.match(new double[][] {{1, 2}}));
    }

    /** Minimum over every injective assignment of columns col.. to unused rows. */
    private static double bruteForce(double[][] cost, int col, boolean[] used) {
        if (cost.length == 0 || col == cost[0].length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < cost.length; r++) {
            if (!used[r]) {
                used[r] = true;
                best = Math.min(best, cost[r][col] + bruteForce(cost, col + 1, used));
                used[r] = false;
            }
        }
        return best;
    }
}
