package dev.tensorloom.execution.checkpoint;

import java.util.List;
import java.util.Objects;

/**
 * An explicit reversal schedule for a chain: the actions an executor performs, in order, plus
 * the two numbers a planner promises about it. See {@link ChainAction} for what each action
 * means and {@link RevolveFormula} for the advance convention.
 *
 * @param steps chain length {@code l}
 * @param slots slots the schedule was planned for (the input counts as one)
 * @param actions the instructions, in order
 * @param advances untaped forward step evaluations performed by the actions
 * @param peakSlots largest number of snapshots held at once
 */
public record ChainSchedule(int steps, int slots, List<ChainAction> actions, long advances, int peakSlots) {

    public ChainSchedule {
        Objects.requireNonNull(actions, "actions");
        actions = List.copyOf(actions);
    }
}
