package dev.tensorloom.execution.exec;

import java.util.Set;
import java.util.TreeSet;

/**
 * Chen-style segment checkpointing: only the listed steps are kept; the nodes between two kept steps
 * form a segment that backward recomputes in one go, from the kept outputs at its start, and then
 * differentiates in reverse. Works on any DAG: a dropped producer needed by a recomputation is itself
 * recomputed from its nearest kept ancestors, so a kept set that is not made of cut vertices costs
 * extra recomputation, never wrong gradients.
 */
public final class SegmentSchedule implements ActivationSchedule {
    private final Set<Integer> kept;
    private final boolean graphs;

    /** Kept steps hold their outputs and their local autograd graphs. */
    public SegmentSchedule(Set<Integer> kept) {
        this(kept, true);
    }

    private SegmentSchedule(Set<Integer> kept, boolean graphs) {
        this.kept = Set.copyOf(new TreeSet<>(kept));
        this.graphs = graphs;
    }

    /**
     * Kept steps hold only their outputs (PyTorch {@code checkpoint_sequential}): less memory per kept
     * step, one more recomputation of it during backward.
     */
    public static SegmentSchedule outputsOnly(Set<Integer> kept) {
        return new SegmentSchedule(kept, false);
    }

    @Override
    public boolean keepsGraph(int stepIndex) {
        return graphs;
    }

    @Override
    public boolean keeps(int stepIndex) {
        return kept.contains(stepIndex);
    }

    public Set<Integer> kept() {
        return kept;
    }

    @Override
    public String name() {
        return (graphs ? "segments" : "segment-outputs") + new TreeSet<>(kept);
    }
}
