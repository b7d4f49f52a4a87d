package dev.tensorloom.studio.memory;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.execution.memory.MemorySample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Node states on the canvas after the first {@code n} schedule samples of a step: a forward leaves a
 * node computed-and-kept, a drop leaves it dropped, a recomputation marks it being recomputed until its
 * backward, and a backward marks its gradient done.
 */
public final class ReplayStates {
    private ReplayStates() {
    }

    /** States after samples {@code 0..index} (inclusive); empty for a negative index. */
    public static Map<String, String> after(List<MemorySample> samples, int index) {
        Map<String, String> states = new HashMap<>();
        for (int i = 0; i <= index && i < samples.size(); i++) {
            MemorySample s = samples.get(i);
            states.put(s.nodeId(), switch (s.phase()) {
                case FORWARD -> CanvasStyles.STATE_KEPT;
                case DROP -> CanvasStyles.STATE_DROPPED;
                case RECOMPUTE -> CanvasStyles.STATE_RECOMPUTING;
                case BACKWARD -> CanvasStyles.STATE_GRAD_DONE;
            });
        }
        return states;
    }
}
