package dev.tensorloom.model;

/**
 * Where a user's mistake is: a place in a file (line and column when known), or a node of the graph (with
 * the port or parameter concerned when there is one), or nowhere in particular.
 *
 * @param file   the file, or null
 * @param line   1-based line in the file, 0 when unknown
 * @param column 1-based column in the line, 0 when unknown
 * @param nodeId the node, or null
 * @param part   the node's port or parameter, or null
 */
public record UserLocation(String file, int line, int column, String nodeId, String part) {
    /** No particular place: the mistake concerns the whole input. */
    public static final UserLocation NONE = new UserLocation(null, 0, 0, null, null);

    public static UserLocation file(String file, int line, int column) {
        return new UserLocation(file, line, column, null, null);
    }

    public static UserLocation node(String nodeId, String part) {
        return new UserLocation(null, 0, 0, nodeId, part);
    }

    /** {@code file:line:column}, {@code node.part} or {@code node}, as far as known; empty for {@link #NONE}. */
    @Override
    public String toString() {
        if (file != null) {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        }
        if (nodeId != null) {
            return part == null ? nodeId : nodeId + "." + part;
        }
        return "";
    }
}
