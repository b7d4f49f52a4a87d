package dev.tensorloom.execution.memory;

import java.util.Arrays;

/**
 * When repeated native-memory readings count as a measurement. The native probe reads the whole process:
 * the JIT compiler, the garbage collector and other threads allocate and free at moments that have nothing to
 * do with the step being measured, sometimes over several consecutive passes (a C2 compilation grew its arena
 * by 14 MiB over three profiling passes and freed it when it completed). The step's own cost, on the other
 * hand, repeats to within a few KiB. So a reading is kept only when {@value #QUORUM} repetitions agree on it,
 * and a repetition only counts when it left native memory where it found it (give or take an amount per
 * plan step that could not move any step's reading beyond the agreement tolerance).
 */
public final class ReadingQuorum {
    /** Repetitions that must agree on a reading; also the fewest repetitions. */
    public static final int QUORUM = 3;
    /** Two readings agree when they differ by at most this many bytes plus {@link #AGREE_PERCENT}%. */
    public static final long AGREE_BYTES = 8192;
    /** Relative part of the agreement tolerance, in percent of the smaller reading's magnitude. */
    public static final long AGREE_PERCENT = 2;
    /** A repetition counts when native memory after it is within this many bytes of where it started... */
    public static final long DRIFT_BYTES = 64 << 10;
    /**
     * ...plus {@link #AGREE_BYTES} per plan step: memory another thread took or gave back spread evenly over
     * the steps would then stay within the agreement tolerance of each. (Each action also leaves a little
     * native memory to the garbage collector: measured 150-450 bytes per step.) A tighter bound (1 KiB per
     * step) counted only 2 of 15 passes of a 13-step profile whose node readings mostly agreed.
     */
    public static final long DRIFT_BYTES_PER_STEP = AGREE_BYTES;

    private ReadingQuorum() {
    }

    /** Whether a repetition of a plan of {@code steps} steps that left {@code drift} bytes behind counts. */
    public static boolean counts(long drift, int steps) {
        return Math.abs(drift) <= DRIFT_BYTES + DRIFT_BYTES_PER_STEP * steps;
    }

    /** Whether two readings, {@code low <= high}, are the same cost read twice. */
    public static boolean agree(long low, long high) {
        return high - low <= AGREE_BYTES + Math.abs(low) * AGREE_PERCENT / 100;
    }

    /**
     * The largest set of readings that all agree with its smallest member, sorted (ties: the lower readings,
     * since other threads' allocations add to a reading more often than their frees subtract).
     */
    public static long[] largestAgreeingGroup(long[] readings) {
        long[] sorted = readings.clone();
        Arrays.sort(sorted);
        int bestFrom = 0;
        int bestTo = 0;
        for (int from = 0; from < sorted.length; from++) {
            int to = from;
            while (to < sorted.length && agree(sorted[from], sorted[to])) {
                to++;
            }
            if (to - from > bestTo - bestFrom) {
                bestFrom = from;
                bestTo = to;
            }
        }
        return Arrays.copyOfRange(sorted, bestFrom, bestTo);
    }

    /**
     * The best reading when repetitions ran out: the median of a quorum agreeing among the counted
     * repetitions, else among all of them (a thread allocating throughout leaves every repetition drifting,
     * yet most nodes of most passes untouched), else the median of the counted ones (of all when none counted).
     */
    public static long settle(long[] counted, long[] all) {
        for (long[] readings : new long[][] {counted, all}) {
            long[] group = largestAgreeingGroup(readings);
            if (group.length >= QUORUM) {
                return median(group);
            }
        }
        return median(counted.length > 0 ? counted : all);
    }

    /** The median of {@code values}; the lower middle one for an even count, so it is always a reading. */
    public static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
