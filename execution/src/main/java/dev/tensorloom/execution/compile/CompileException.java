package dev.tensorloom.execution.compile;

/** A user-facing reason why a document cannot run, naming the node at fault when there is one. */
public final class CompileException extends RuntimeException implements dev.tensorloom.model.UserError {
    private final String nodeId;

    public CompileException(String nodeId, String message) {
        super(nodeId == null ? message : nodeId + ": " + message);
        this.nodeId = nodeId;
    }

    /** The node the problem is about, or {@code null} for whole-graph problems. */
    public String nodeId() {
        return nodeId;
    }

    @Override
    public dev.tensorloom.model.UserLocation location() {
        return nodeId == null ? dev.tensorloom.model.UserLocation.NONE : dev.tensorloom.model.UserLocation.node(nodeId, null);
    }
}
