package dev.tensorloom.execution.session;

import dev.tensorloom.execution.exec.NodeFailureException;

/** A node's output contained NaN or infinite values; the node is the first such in plan order. */
public final class NonFiniteValueException extends NodeFailureException {
    public NonFiniteValueException(String nodeId, String port, long nanCount, long infCount) {
        super(nodeId, "output '" + port + "' became non-finite (" + nanCount + " NaN, " + infCount + " infinite values)",
                null);
    }
}
