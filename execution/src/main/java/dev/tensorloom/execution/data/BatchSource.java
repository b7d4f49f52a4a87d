package dev.tensorloom.execution.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/**
 * Where training examples come from. Keys of every batch are the {@code field} parameters of the
 * graph's {@code input} nodes (for example {@code "x"}, {@code "y"}, {@code "tokens"}); values have
 * the batch as their first dimension.
 *
 * <p>Sources are seeded and deterministic: the same seed and the same sequence of calls give the same
 * batches, so two runs with one seed train identically. Arrays must be created in the given manager;
 * the caller closes it when the step is done.
 */
public interface BatchSource {

    /** The next training batch of {@code batchSize} examples, created in {@code manager}. */
    Map<String, NDArray> next(NDManager manager, int batchSize);

    /**
     * Fixed held-out batches for evaluation, created in {@code manager}; the same batches on every call
     * so evaluations are comparable over a run. May be empty when the source has no held-out split.
     */
    List<Map<String, NDArray>> heldOut(NDManager manager);

    /**
     * Makes the next batch the one a fresh source would give after {@code batches} batches of
     * {@code batchSize}: how a resumed run continues the data stream where it stopped.
     *
     * @throws UnsupportedOperationException when the source cannot skip ahead
     */
    default void seek(long batches, int batchSize) {
        throw new UnsupportedOperationException("this data source cannot continue at a step");
    }
}
