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

    public SegmentSchedule(Set<Integer> kept) {
        this.kept = Set.copyOf(new TreeSet<>(kept));
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
        return "segments" + new TreeSet<>(kept);
    }
}
