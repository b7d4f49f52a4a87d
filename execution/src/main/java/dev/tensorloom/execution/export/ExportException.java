package dev.tensorloom.execution.export;

import dev.tensorloom.model.UserError;

/** A project that cannot be exported as it is; names the node when one is to blame. */
public final class ExportException extends RuntimeException implements UserError {
    private final String nodeId;

    public ExportException(String nodeId, String message) {
        super(nodeId == null ? message : "node '" + nodeId + "': " + message);
        this.nodeId = nodeId;
    }

    /** The node to blame, or null. */
    public String nodeId() {
        return nodeId;
    }
}
