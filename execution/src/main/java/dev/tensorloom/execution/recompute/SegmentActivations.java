package dev.tensorloom.execution.recompute;

import dev.tensorloom.execution.exec.ActivationSchedule;
import java.util.Set;
import java.util.TreeSet;

/**
 * Carries out a segment plan: steps of stored segments run taped and keep their graphs; the checkpoint
 * that starts each recomputed segment (and the last step before a stored segment) keeps only its
 * outputs; every other step of a recomputed segment runs untaped and is dropped.
 *
 * <p>Keeping the step before a stored segment costs nothing: the first taped step of that segment saves
 * the same storage for its backward anyway. Marking it kept makes the ledger see that storage instead of
 * reporting it dropped while autograd still holds it. Being kept without a graph, such a step is
 * recomputed together with its own segment, once, as the planner counts.
 */
public final class SegmentActivations implements ActivationSchedule {
    private final String name;
    private final Set<Integer> taped;
    private final Set<Integer> outputsOnly;

    /**
     * @param taped       plan steps of stored segments
     * @param outputsOnly plan steps kept without their graph (checkpoints)
     */
    public SegmentActivations(String name, Set<Integer> taped, Set<Integer> outputsOnly) {
        this.name = name;
        this.taped = Set.copyOf(taped);
        this.outputsOnly = Set.copyOf(outputsOnly);
    }

    @Override
    public boolean keeps(int stepIndex) {
        return taped.contains(stepIndex) || outputsOnly.contains(stepIndex);
    }

    @Override
    public boolean keepsGraph(int stepIndex) {
        return taped.contains(stepIndex);
    }

    /** Plan steps kept with their graphs, ascending. */
    public Set<Integer> taped() {
        return new TreeSet<>(taped);
    }

    /** Plan steps kept as checkpoints (outputs only), ascending. */
    public Set<Integer> checkpoints() {
        return new TreeSet<>(outputsOnly);
    }

    @Override
    public String name() {
        return name;
    }
}
