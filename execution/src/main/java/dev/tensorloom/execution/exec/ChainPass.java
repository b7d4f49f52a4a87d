package dev.tensorloom.execution.exec;

import dev.tensorloom.execution.checkpoint.ChainAction;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Executes a {@link RevolveSchedule} on a {@link Pass}: chain state {@code k > 0} is the outputs of the
 * last step of segment {@code k - 1}, state 0 the batch. Advances run segments untaped and keep only the
 * new state; a reverse re-runs one segment taped from the state in hand and differentiates it node by
 * node with the gradient its successor segment left on the segment's last step.
 */
final class ChainPass {
    private final Pass pass;
    private final Plan plan;
    private final RevolveSchedule schedule;
    private final boolean[] evaluated;
    private final int[] lastConsumer;
    private final Set<Integer> slotted = new HashSet<>();
    private int current = 0;

    ChainPass(Pass pass, Plan plan, RevolveSchedule schedule) {
        this.pass = pass;
        this.plan = plan;
        this.schedule = schedule;
        this.evaluated = new boolean[plan.size()];
        this.lastConsumer = new int[plan.size()];
        for (int i = 0; i < plan.size(); i++) {
            int last = -1;
            for (int c : plan.consumerSteps(i)) {
                last = Math.max(last, c);
            }
            lastConsumer[i] = last;
        }
    }

    void run() {
        pass.holdSources();
        for (ChainAction a : schedule.chain().actions()) {
            switch (a.kind()) {
                case ADVANCE:
                    requireCurrent(a);
                    for (int k = a.state(); k < a.toState(); k++) {
                        advance(k);
                        moveTo(k + 1);
                    }
                    break;
                case TAKE_SNAPSHOT:
                    requireCurrent(a);
                    slotted.add(a.state());
                    break;
                case RESTORE:
                    if (!slotted.contains(a.state())) {
                        throw new IllegalStateException(a + ": state " + a.state() + " is not in a slot");
                    }
                    moveTo(a.state());
                    break;
                case FREE:
                    slotted.remove(a.state());
                    if (a.state() != current) {
                        releaseState(a.state());
                    }
                    break;
                case FIRST_REVERSE:
                case REVERSE:
                    requireCurrent(a);
                    reverse(a.state());
                    int reversed = current;
                    current = -1;
                    if (!slotted.contains(reversed)) {
                        releaseState(reversed);
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown action " + a);
            }
        }
    }

    private void requireCurrent(ChainAction a) {
        if (current != a.state()) {
            throw new IllegalStateException(a + ": the state in hand is " + current);
        }
    }

    /** Makes {@code state} the one in hand, letting the previous one go unless a slot holds it. */
    private void moveTo(int state) {
        if (current != state && current >= 0 && !slotted.contains(current)) {
            releaseState(current);
        }
        current = state;
    }

    private void releaseState(int state) {
        if (state > 0) {
            pass.dropValue(schedule.lastStep(state - 1));
        }
    }

    /** Runs segment {@code k} without a tape, keeping only its last step's outputs. */
    private void advance(int k) {
        int[] steps = schedule.steps(k);
        int end = steps[steps.length - 1];
        int first = steps[0];
        for (int i : steps) {
            pass.evaluate(i, false, !evaluated[i]);
            evaluated[i] = true;
            for (int p : producers(plan.step(i))) {
                if (p >= first && p != end && lastConsumer[p] <= i) {
                    pass.dropValue(p);
                }
            }
            if (i != end && lastConsumer[i] < 0) {
                pass.dropValue(i);
            }
        }
    }

    /** Re-runs segment {@code k} taped from the state in hand, then differentiates it. */
    private void reverse(int k) {
        int[] steps = schedule.steps(k);
        for (int i : steps) {
            pass.evaluate(i, true, !evaluated[i]);
            evaluated[i] = true;
        }
        for (int i : steps) {
            if (plan.step(i).isLoss()) {
                pass.seedLoss(i);
            }
        }
        for (int j = steps.length - 1; j >= 0; j--) {
            pass.backwardStep(steps[j]);
        }
    }

    private static int[] producers(Step step) {
        return step.inputs().stream().flatMap(Optional::stream).mapToInt(InputRef::step).distinct().toArray();
    }
}
