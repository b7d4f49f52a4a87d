package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.compile.Step;
import java.util.Map;

/**
 * Sees each node's outputs right after its first forward evaluation of a step (never for
 * recomputations). The arrays are freed when the executor drops them, so copy what you keep. Throwing
 * aborts the step; the executor still releases everything it holds.
 */
@FunctionalInterface
public interface ForwardObserver {
    ForwardObserver NONE = (step, outputs, published) -> { };

    /**
     * @param outputs   the node's outputs in port order (for a source step, the batch field)
     * @param published extra views the op offered through {@code OpContext.publish}
     */
    void onForward(Step step, NDList outputs, Map<String, NDArray> published);
}
