package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.GraphEditException;
import java.util.List;
import java.util.Map;

/**
 * Checks parameter values are what a project file can store: Long, Double (finite), Boolean,
 * String, or a List of those. Refusing anything else at edit time means saving never fails.
 */
public final class ParamValues {
    private ParamValues() {
    }

    /** Throws {@link GraphEditException} naming the node and parameter if a value cannot be saved. */
    public static void requireValid(String nodeId, Map<String, Object> params) {
        params.forEach((name, value) -> requireValid(nodeId, name, value));
    }

    /** Throws {@link GraphEditException} naming the node and parameter if the value cannot be saved. */
    public static void requireValid(String nodeId, String name, Object value) {
        if (!isStorable(value)) {
            throw new GraphEditException("parameter '" + name + "' of node '" + nodeId + "' cannot be "
                    + describe(value));
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof Double ? "a non-finite number" : "a " + value.getClass().getSimpleName();
    }

    /** True for values a project file can store; null is not storable (it means "unset"). */
    public static boolean isStorable(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(ParamValues::isStorable);
        }
        return value instanceof Long || value instanceof Boolean || value instanceof String;
    }
}
