package dev.tensorloom.canvas.view;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the studio computed for one node (off the FX thread) and the canvas shows on it: the
 * parameter-count and activation-memory badges, the inferred shape of each output port, and the
 * problems that give the node a red outline and a tooltip.
 *
 * @param paramsBadge badge text for the parameter count, e.g. {@code "1.2M"}; empty for none
 * @param memoryBadge badge text for activation memory, e.g. {@code "3.1 MB"}; empty for none
 * @param outputShapes inferred shape text per output port name, e.g. {@code out → "[B, 256]"}
 * @param problems user-facing problem messages; empty when the node is fine
 */
public record NodeAnnotation(String paramsBadge, String memoryBadge, Map<String, String> outputShapes,
        List<String> problems) {
    /** An annotation that shows nothing. */
    public static final NodeAnnotation NONE = new NodeAnnotation("", "", Map.of(), List.of());

    public NodeAnnotation {
        paramsBadge = paramsBadge == null ? "" : paramsBadge;
        memoryBadge = memoryBadge == null ? "" : memoryBadge;
        outputShapes = Map.copyOf(Objects.requireNonNullElse(outputShapes, Map.of()));
        problems = List.copyOf(Objects.requireNonNullElse(problems, List.of()));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
