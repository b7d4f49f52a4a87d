package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients with the same arithmetic as {@code torch.optim}, so a model
 * trained here and its exported PyTorch package ({@code train.py}, which uses {@code torch.optim}) follow
 * the same path. The state (moments, momentum buffers, step counts) is the optimizer's own and can be read
 * and restored, for resuming a run.
 */
public interface ParameterOptimizer {

    /**
     * Applies one update to {@code weight} in place, under no autograd.
     *
     * @param key          the parameter's stable name ({@code nodeId/name}); state is kept per key
     * @param learningRate this step's rate (the schedule's value)
     */
    void update(String key, NDArray weight, NDArray gradient, double learningRate);

    /** The state arrays per parameter key, in a fixed order per optimizer (see each implementation). */
    Map<String, List<NDArray>> state();

    /** Number of updates applied per parameter key. */
    Map<String, Long> steps();

    /** Replaces the state of one parameter (copies the arrays), e.g. when resuming. */
    void restore(String key, List<NDArray> state, long steps);
}
