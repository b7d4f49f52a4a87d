package dev.tensorloom.execution.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the optimal binomial-checkpointing (Revolve) schedule for a chain: its advances equal
 * {@link RevolveFormula#minAdvances} and it never holds more than {@code slots} snapshots.
 */
public final class RevolvePlanner {

    private RevolvePlanner() {
    }

    /** The optimal schedule for {@code steps} steps and {@code slots} slots (input included). */
    public static ChainSchedule plan(int steps, int slots) {
        RevolveFormula.requireValid(steps, slots);
        Builder builder = new Builder(steps);
        builder.take(0, 0);
        builder.reverse(0, steps, 0, slots);
        builder.free(0, 0);
        return new ChainSchedule(steps, slots, builder.actions, builder.advances, builder.peak);
    }

    /**
     * Where to place the next snapshot when reversing {@code length} steps from a snapshot with
     * {@code slots} slots (that snapshot's included): an offset {@code j} in {@code [1, length)}
     * with {@code j + t(length-j, slots-1) + t(j, slots) = t(length, slots)}.
     *
     * <p>The tail after the split, reversed with one slot fewer, must fit in {@code r}
     * repetitions, so {@code length - j <= beta(slots-1, r)}, and a head shorter than
     * {@code beta(slots, r-2)} would waste repetitions; the smallest {@code j} meeting both is
     * optimal (checked for every chain up to 200 steps and 10 slots). Each candidate is still
     * verified against the closed form, with a scan as the last resort, so the schedule stays
     * optimal by construction.
     */
    static int split(int length, int slots) {
        int j = firstCandidateSplit(length, slots);
        if (isOptimalSplit(length, slots, j)) {
            return j;
        }
        for (int k = 1; k < length; k++) {
            if (isOptimalSplit(length, slots, k)) {
                return k;
            }
        }
        throw new IllegalStateException("no optimal split for (" + length + ", " + slots + ")");
    }

    static int firstCandidateSplit(int length, int slots) {
        int r = RevolveFormula.repetitions(length, slots);
        long tailCapacity = slots == 1 ? 1 : RevolveFormula.beta(slots - 1, r);
        long headFloor = RevolveFormula.beta(slots, r - 2);
        return (int) Math.max(1, Math.min(length - 1, Math.max(length - tailCapacity, headFloor)));
    }

    static boolean isOptimalSplit(int length, int slots, int j) {
        if (j < 1 || j >= length) {
            return false;
        }
        long tail = length - j == 1 ? 0 : slots < 2 ? -1 : RevolveFormula.minAdvances(length - j, slots - 1);
        return tail >= 0 && j + tail + RevolveFormula.minAdvances(j, slots) == RevolveFormula.minAdvances(length, slots);
    }

    /** Emits actions and tracks the current state so restores are only emitted when needed. */
    private static final class Builder {
        private final int steps;
        private final List<ChainAction> actions = new ArrayList<>();
        private int current = 0; // the input is in hand at the start
        private long advances;
        private int held;
        private int peak;

        Builder(int steps) {
            this.steps = steps;
        }

        /**
         * Reverses steps {@code [start, start+length)}; state {@code start} is in {@code slot}
         * (or current, when length is 1) and slots {@code slot .. slot+slots-1} may be used.
         * The head is handled by the loop rather than recursion so depth stays at most
         * {@code slots}.
         */
        void reverse(int start, int length, int slot, int slots) {
            while (length > 1) {
                int j = split(length, slots);
                bringCurrentTo(start, slot);
                actions.add(ChainAction.advance(start, start + j));
                advances += j;
                current = start + j;
                if (length - j > 1) {
                    take(slot + 1, start + j);
                    reverse(start + j, length - j, slot + 1, slots - 1);
                    free(slot + 1, start + j);
                } else {
                    reverseStep(start + j);
                }
                length = j;
            }
            bringCurrentTo(start, slot);
            reverseStep(start);
        }

        private void bringCurrentTo(int state, int slot) {
            if (current != state) {
                actions.add(ChainAction.restore(slot, state));
                current = state;
            }
        }

        private void reverseStep(int step) {
            actions.add(ChainAction.reverse(step, step == steps - 1));
            current = -1;
        }

        void take(int slot, int state) {
            actions.add(ChainAction.takeSnapshot(slot, state));
            held++;
            peak = Math.max(peak, held);
        }

        void free(int slot, int state) {
            actions.add(ChainAction.free(slot, state));
            held--;
        }
    }
}
