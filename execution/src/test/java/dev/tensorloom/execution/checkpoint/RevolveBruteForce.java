package dev.tensorloom.execution.checkpoint;

import java.util.Arrays;

/**
 * Minimum advances of binomial checkpointing by plain memoised recursion, the reference the
 * closed form ({@link RevolveFormula}) is checked against. Same convention as there.
 *
 * <p>{@code t(1, s) = 0} for every {@code s >= 0} (the state in hand is reversed at once);
 * {@code t(l, 0)} is infinite for {@code l >= 2}; otherwise
 * {@code t(l, s) = min over 1 <= j < l of j + t(l-j, s-1) + t(j, s)}: advance {@code j}
 * steps, snapshot there, reverse the tail with one slot fewer, free it, reverse the head.
 * O(l^2 s) time, so meant for small chains.
 */
public final class RevolveBruteForce {

    private static final long INFINITE = Long.MAX_VALUE / 4;

    private final long[][] memo;

    /** Tables all chains up to {@code maxSteps} with up to {@code maxSlots} slots. */
    public RevolveBruteForce(int maxSteps, int maxSlots) {
        RevolveFormula.requireValid(maxSteps, maxSlots);
        memo = new long[maxSteps + 1][maxSlots + 1];
        for (long[] row : memo) {
            Arrays.fill(row, -1);
        }
    }

    /** Minimum advances for {@code steps} steps and {@code slots} slots within the table. */
    public long minAdvances(int steps, int slots) {
        RevolveFormula.requireValid(steps, slots);
        if (steps >= memo.length || slots >= memo[0].length) {
            throw new IllegalArgumentException("(" + steps + ", " + slots + ") is outside the table");
        }
        return t(steps, slots);
    }

    private long t(int l, int s) {
        if (l == 1) {
            return 0;
        }
        if (s == 0) {
            return INFINITE;
        }
        if (memo[l][s] >= 0) {
            return memo[l][s];
        }
        long best = INFINITE;
        for (int j = 1; j < l; j++) {
            best = Math.min(best, j + t(l - j, s - 1) + t(j, s));
        }
        memo[l][s] = best;
        return best;
    }
}
