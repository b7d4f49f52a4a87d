package dev.tensorloom.studio.memory;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import java.util.HashMap;
import java.util.Map;

/**
 * What a planned policy does to each node, as canvas states: stored nodes are kept, checkpoints keep only
 * their outputs, dropped nodes are run again in the backward pass.
 */
public final class PlanStates {
    private PlanStates() {
    }

    /** The state of every layer of {@code plan} under {@code schedule} (source steps have none). */
    public static Map<String, String> of(Plan plan, PlannedPolicy schedule) {
        Map<String, String> states = new HashMap<>();
        for (Step s : plan.steps()) {
            if (s.isSource()) {
                continue;
            }
            states.put(s.nodeId(), switch (schedule.treatment(s.index())) {
                case STORED -> CanvasStyles.STATE_KEPT;
                case CHECKPOINT -> CanvasStyles.STATE_CHECKPOINT;
                case DROPPED -> CanvasStyles.STATE_DROPPED;
            });
        }
        return Map.copyOf(states);
    }
}
