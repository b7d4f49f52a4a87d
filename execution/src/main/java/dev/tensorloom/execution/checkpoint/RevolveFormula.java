package dev.tensorloom.execution.checkpoint;

/**
 * Closed-form minimum number of advances of binomial checkpointing (Griewank and Walther,
 * "Algorithm 799: Revolve", ACM TOMS 2000).
 *
 * <p>Convention, shared by every class in this package. A chain has {@code l} steps;
 * step {@code i} (0-based) maps state {@code i} to state {@code i+1}; state 0 is the chain
 * input. There are {@code s} snapshot slots and the input occupies one of them. An
 * <em>advance</em> is one untaped forward evaluation of one step. Every step is also evaluated
 * once more, taped, inside its reverse (forward with taping followed at once by its backward);
 * those {@code l} taped evaluations are <em>not</em> advances. So with enough slots the count
 * is {@code l-1} (one forward sweep up to state {@code l-1}, the last step is done by the first
 * reverse) and the total number of forward evaluations of a reversal is {@code advances + l}.
 *
 * <p>{@code t(l,s) = r*l - beta(s+1, r-1)}, with {@code beta(s,t) = C(s+t, s)} and
 * {@code r} the unique integer with {@code beta(s, r-1) < l <= beta(s, r)}.
 */
public final class RevolveFormula {

    private RevolveFormula() {
    }

    /** Minimum advances to reverse {@code steps} steps with {@code slots} slots (both at least 1). */
    public static long minAdvances(int steps, int slots) {
        requireValid(steps, slots);
        int r = repetitions(steps, slots);
        return Math.subtractExact(Math.multiplyExact((long) r, steps), beta(slots + 1, r - 1));
    }

    /**
     * The repetition number {@code r}: the largest number of times any step is advanced is
     * {@code r}, and {@code beta(s, r-1) < l <= beta(s, r)}.
     */
    public static int repetitions(int steps, int slots) {
        requireValid(steps, slots);
        int r = 0;
        long beta = 1; // beta(s, 0)
        while (beta < steps) {
            r++;
            // beta(s, r) = beta(s, r-1) * (s + r) / r, exact; beta < steps keeps it in range.
            beta = Math.multiplyExact(beta, (long) slots + r) / r;
        }
        return r;
    }

    /**
     * {@code beta(s,t) = C(s+t, s)}, 0 when either argument is negative. Valid while the
     * result fits in a long; callers keep it small by construction.
     */
    public static long beta(long s, long t) {
        if (s < 0 || t < 0) {
            return 0;
        }
        long k = Math.min(s, t);
        long n = s + t;
        long result = 1;
        for (long i = 1; i <= k; i++) {
            // result * (n - k + i) / i stays an exact binomial at every step.
            result = Math.multiplyExact(result, n - k + i) / i;
        }
        return result;
    }

    static void requireValid(int steps, int slots) {
        if (steps < 1) {
            throw new IllegalArgumentException("chain length must be at least 1, got " + steps);
        }
        if (slots < 1) {
            throw new IllegalArgumentException("need at least 1 slot (the input), got " + slots);
        }
    }
}
