package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame every {@code torch.optim}-style optimizer here shares: each update runs with autograd off in a
 * scratch manager that frees its temporaries, and counts the parameter's steps as torch's per-parameter
 * {@code step} does. Subclasses hold their state arrays in {@link #stateManager}.
 */
abstract class StepCountingOptimizer implements ParameterOptimizer {
    /** Owns the optimizer's state arrays (moments, momentum buffers) for the whole run. */
    protected final NDManager stateManager;
    private final Map<String, Long> steps = new LinkedHashMap<>();

    StepCountingOptimizer(NDManager stateManager) {
        this.stateManager = stateManager;
    }

    @Override
    public final void update(String key, NDArray weight, NDArray gradient, double learningRate) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scratch = stateManager.newSubManager()) {
            long step = steps.merge(key, 1L, Long::sum);
            apply(key, weight, gradient, learningRate, step, scratch);
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /**
     * One update of {@code weight} in place; {@code step} counts from 1 and includes this one. Temporaries
     * belong in {@code scratch}.
     */
    protected abstract void apply(String key, NDArray weight, NDArray gradient, double learningRate, long step,
            NDManager scratch);

    @Override
    public final Map<String, Long> steps() {
        return Map.copyOf(steps);
    }

    /** The keys of the parameters updated (or restored) so far, in first-seen order. */
    protected final Iterable<String> keys() {
        return steps.keySet();
    }

    @Override
    public final void restore(String key, List<NDArray> state, long count) {
        restoreState(key, state);
        steps.put(key, count);
    }

    /** Replaces the state arrays of one parameter with copies of {@code state}, owned by {@link #stateManager}. */
    protected abstract void restoreState(String key, List<NDArray> state);
}
