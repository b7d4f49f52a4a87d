package dev.tensorloom.execution.exec;

/** A node failed while running (its op threw, returned the wrong outputs, or produced non-finite values). */
public class NodeFailureException extends RuntimeException {
    private final String nodeId;

    public NodeFailureException(String nodeId, String message, Throwable cause) {
        super(nodeId + ": " + message, cause);
        this.nodeId = nodeId;
    }

    public String nodeId() {
        return nodeId;
    }
}
