package dev.tensorloom.execution.exec;

/**
 * A node's values became NaN or infinite: an output in the forward pass, a parameter's gradient, or the
 * loss. The node is the first such in plan order. Its own type so a run's end can say "non-finite"
 * rather than "error".
 */
public final class NonFiniteValueException extends NodeFailureException {
    public NonFiniteValueException(String nodeId, String port, long nanCount, long infCount) {
        this(nodeId, "output '" + port + "' became non-finite (" + nanCount + " NaN, " + infCount + " infinite values)");
    }

    public NonFiniteValueException(String nodeId, String message) {
        super(nodeId, message, null);
    }
}
