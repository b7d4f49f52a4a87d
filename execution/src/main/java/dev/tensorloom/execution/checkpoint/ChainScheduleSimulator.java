package dev.tensorloom.execution.checkpoint;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Executes a {@link ChainSchedule} on a fake chain and rejects anything an executor could not
 * run: a step reversed without its input state at hand, reverses out of order or repeated,
 * more snapshots than slots, advancing past states already reversed, slots left held. Also
 * measures what the schedule costs, so planners can predict memory from it.
 */
public final class ChainScheduleSimulator {

    /**
     * What a valid schedule did.
     *
     * @param advances untaped forward step evaluations
     * @param peakSlots most snapshots held at once
     * @param peakBytes most bytes held at once: snapshot states plus, during a reverse, that
     *     step's tape (the state in hand while advancing is not counted)
     */
    public record Result(long advances, int peakSlots, long peakBytes) {
    }

    private ChainScheduleSimulator() {
    }

    /** Runs the schedule counting slots only (every state and tape weighs 0 bytes). */
    public static Result run(ChainSchedule schedule) {
        return run(schedule, state -> 0, step -> 0);
    }

    /**
     * Runs the schedule; {@code stateBytes} weighs a kept state, {@code tapeBytes} the saved
     * activations of a step while it is reversed.
     *
     * @throws IllegalStateException naming the first invalid action
     */
    public static Result run(ChainSchedule schedule, IntToLongFunction stateBytes, IntToLongFunction tapeBytes) {
        int l = schedule.steps();
        Map<Integer, Integer> slots = new HashMap<>();
        int current = 0;
        int nextReverse = l - 1;
        long advances = 0;
        long heldBytes = 0;
        long peakBytes = 0;
        int peakSlots = 0;
        int index = 0;
        for (ChainAction a : schedule.actions()) {
            String where = "action " + index++ + " (" + a + "): ";
            switch (a.kind()) {
                case ADVANCE:
                    check(current == a.state(), where + "current state is " + current);
                    check(a.toState() > a.state() && a.toState() <= nextReverse,
                            where + "target must lie in (" + a.state() + ", " + nextReverse + "]");
                    advances += a.toState() - a.state();
                    current = a.toState();
                    break;
                case TAKE_SNAPSHOT:
                    check(current == a.state(), where + "current state is " + current);
                    check(a.slot() >= 0 && a.slot() < schedule.slots(), where + "no such slot");
                    check(!slots.containsKey(a.slot()), where + "slot is taken");
                    slots.put(a.slot(), a.state());
                    heldBytes += stateBytes.applyAsLong(a.state());
                    peakSlots = Math.max(peakSlots, slots.size());
                    peakBytes = Math.max(peakBytes, heldBytes);
                    break;
                case RESTORE:
                    check(Integer.valueOf(a.state()).equals(slots.get(a.slot())), where + "slot holds " + slots.get(a.slot()));
                    current = a.state();
                    break;
                case FREE:
                    check(Integer.valueOf(a.state()).equals(slots.get(a.slot())), where + "slot holds " + slots.get(a.slot()));
                    slots.remove(a.slot());
                    heldBytes -= stateBytes.applyAsLong(a.state());
                    break;
                case FIRST_REVERSE:
                case REVERSE:
                    check(a.state() == nextReverse, where + "expected reverse of step " + nextReverse);
                    check((a.kind() == ChainAction.Kind.FIRST_REVERSE) == (a.state() == l - 1),
                            where + "only step " + (l - 1) + " is the first reverse");
                    check(current == a.state(), where + "current state is " + current);
                    peakBytes = Math.max(peakBytes, heldBytes + tapeBytes.applyAsLong(a.state()));
                    nextReverse--;
                    current = -1;
                    break;
                default:
                    throw new IllegalStateException(where + "unknown action");
            }
        }
        check(nextReverse == -1, "schedule ends before reversing step " + nextReverse);
        check(slots.isEmpty(), "schedule ends with slots held: " + slots);
        return new Result(advances, peakSlots, peakBytes);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
