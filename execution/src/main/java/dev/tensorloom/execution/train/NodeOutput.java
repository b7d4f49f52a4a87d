package dev.tensorloom.execution.train;

/** Output {@code output} (port order) of node {@code nodeId}: where a metric reads a tensor from. */
public record NodeOutput(String nodeId, int output) {
}
