package dev.tensorloom.model.shape;

/** A problem found on one port of one node while checking shapes. */
public record PortProblem(String nodeId, String port, String message) {
    @Override
    public String toString() {
        return message;
    }
}
