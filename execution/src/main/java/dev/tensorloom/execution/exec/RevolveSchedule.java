package dev.tensorloom.execution.exec;

import dev.tensorloom.execution.checkpoint.ChainSchedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Multi-level (Revolve) checkpointing: the non-source steps are cut into consecutive segments, each a
 * step of a chain, and a {@link ChainSchedule} says when each segment is advanced without a tape, which
 * segment outputs are snapshotted, and when each segment is re-run taped and differentiated. The
 * executor follows the actions one by one instead of making one forward and one backward sweep.
 *
 * <p>A segment's last step must be a boundary: everything after it reads only its outputs and the
 * batch. The batch is held for the whole pass (chain state 0).
 */
public final class RevolveSchedule implements ActivationSchedule {
    private final List<int[]> segments;
    private final ChainSchedule chain;
    private final boolean[] snapshotted;

    /**
     * @param segments per chain step, its plan step indices in ascending order; together they cover
     *                 every non-source step once, in plan order
     * @param chain    the schedule to follow; its step count must equal the number of segments
     * @param planSize number of steps in the plan
     */
    public RevolveSchedule(List<int[]> segments, ChainSchedule chain, int planSize) {
        if (segments.size() != chain.steps()) {
            throw new IllegalArgumentException(segments.size() + " segments for a chain of " + chain.steps() + " steps");
        }
        List<int[]> copy = new ArrayList<>();
        int previous = -1;
        for (int[] segment : segments) {
            if (segment.length == 0) {
                throw new IllegalArgumentException("empty segment");
            }
            for (int step : segment) {
                if (step <= previous || step >= planSize) {
                    throw new IllegalArgumentException("segments must list ascending plan steps, got " + step
                            + " after " + previous);
                }
                previous = step;
            }
            copy.add(segment.clone());
        }
        this.segments = List.copyOf(copy);
        this.chain = chain;
        this.snapshotted = new boolean[planSize];
        for (var action : chain.actions()) {
            if (action.kind() == dev.tensorloom.execution.checkpoint.ChainAction.Kind.TAKE_SNAPSHOT && action.state() > 0) {
                snapshotted[lastStep(action.state() - 1)] = true;
            }
        }
    }

    public ChainSchedule chain() {
        return chain;
    }

    /** Plan step indices of chain step {@code k}. */
    public int[] segment(int k) {
        return segments.get(k).clone();
    }

    public int segmentCount() {
        return segments.size();
    }

    /** The plan step whose outputs are chain state {@code k + 1}. */
    int lastStep(int k) {
        int[] s = segments.get(k);
        return s[s.length - 1];
    }

    int[] steps(int k) {
        return segments.get(k);
    }

    /** True for segment ends that some action snapshots. */
    @Override
    public boolean keeps(int stepIndex) {
        return snapshotted[stepIndex];
    }

    @Override
    public boolean keepsGraph(int stepIndex) {
        return false;
    }

    @Override
    public String name() {
        return "revolve:" + chain.slots() + " over " + segments.size() + " segments";
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name()).append(' ');
        for (int[] s : segments) {
            b.append(Arrays.toString(s));
        }
        return b.toString();
    }
}
