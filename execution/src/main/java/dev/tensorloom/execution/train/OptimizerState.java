package dev.tensorloom.execution.train;

import java.util.List;
import java.util.Map;

/**
 * An optimizer's state between steps, as host bytes: the number of updates so far (Adam's bias
 * correction counts them) and, per parameter, its slots in {@link ai.djl.ndarray.NDArray#encode()} form
 * (Adam: first and second moment; SGD with momentum: the momentum buffer). Restoring it into a new
 * optimizer of the same kind continues training exactly.
 *
 * @param kind     {@code sgd}, {@code adam} or {@code adamw}
 * @param updates  optimisation steps taken
 * @param slots    parameter key ({@code nodeId/name}) to its encoded slots, in slot order
 */
public record OptimizerState(String kind, long updates, Map<String, List<byte[]>> slots) {
    public OptimizerState {
        slots = Map.copyOf(slots);
    }
}
