package dev.tensorloom.execution.checkpoint;

/**
 * One instruction of a {@link ChainSchedule} for a chain of {@code l} steps. Step {@code i}
 * is "forward node i": it maps state {@code i} to state {@code i+1}; state 0 is the chain input
 * and state {@code i} is the output of step {@code i-1}. Fields that a kind does not use are -1.
 *
 * <ul>
 *   <li>{@code ADVANCE(state, toState)}: the current state must be {@code state}; run forward
 *       nodes {@code state .. toState-1} without taping (grad off), dropping each intermediate
 *       output as soon as the next node has consumed it; the current state becomes
 *       {@code toState}. Counts {@code toState - state} advances. This is the original forward
 *       pass the first time a step runs, a recompute afterwards.</li>
 *   <li>{@code TAKE_SNAPSHOT(slot, state)}: keep the current state (the output of node
 *       {@code state-1}, or the input for 0) in {@code slot}, detached, until {@code FREE}.</li>
 *   <li>{@code RESTORE(slot, state)}: make the kept copy in {@code slot} the current state again
 *       (the slot keeps it); the next action recomputes from there.</li>
 *   <li>{@code FREE(slot, state)}: drop the kept copy of {@code state}.</li>
 *   <li>{@code FIRST_REVERSE(state)}: only for {@code state = l-1}: forward node {@code l-1} with
 *       taping from the current state, then backward from the loss seed.</li>
 *   <li>{@code REVERSE(state)}: forward node {@code state} with taping from the current state
 *       (input marked as requiring gradient), then backward node {@code state} with the
 *       gradient of state {@code state+1} received from the previous reverse; the result is
 *       the gradient of state {@code state}. The tape is released after; no current state.</li>
 * </ul>
 *
 * @param kind the instruction
 * @param state the state (or step, for reverses) it is about
 * @param toState target state of an advance, else -1
 * @param slot snapshot slot of take/restore/free, else -1
 */
public record ChainAction(Kind kind, int state, int toState, int slot) {

    /** Instruction kinds; see the type documentation. */
    public enum Kind { ADVANCE, TAKE_SNAPSHOT, RESTORE, FREE, FIRST_REVERSE, REVERSE }

    public static ChainAction advance(int from, int to) {
        return new ChainAction(Kind.ADVANCE, from, to, -1);
    }

    public static ChainAction takeSnapshot(int slot, int state) {
        return new ChainAction(Kind.TAKE_SNAPSHOT, state, -1, slot);
    }

    public static ChainAction restore(int slot, int state) {
        return new ChainAction(Kind.RESTORE, state, -1, slot);
    }

    public static ChainAction free(int slot, int state) {
        return new ChainAction(Kind.FREE, state, -1, slot);
    }

    public static ChainAction reverse(int step, boolean first) {
        return new ChainAction(first ? Kind.FIRST_REVERSE : Kind.REVERSE, step, -1, -1);
    }

    @Override
    public String toString() {
        switch (kind) {
            case ADVANCE: return "advance " + state + "->" + toState;
            case TAKE_SNAPSHOT: return "snapshot " + state + " into slot " + slot;
            case RESTORE: return "restore " + state + " from slot " + slot;
            case FREE: return "free slot " + slot + " (" + state + ")";
            case FIRST_REVERSE: return "first reverse " + state;
            default: return "reverse " + state;
        }
    }
}
