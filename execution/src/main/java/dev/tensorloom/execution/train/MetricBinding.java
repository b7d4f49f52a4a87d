package dev.tensorloom.execution.train;

/** Which node's first output and which batch field feed a {@link Metric}. */
public record MetricBinding(Metric metric, String nodeId, String targetField) {
}
