package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.exec.Executor;

/**
 * A metric that feeds the model inputs of its own after the held-out pass, because what it scores is not
 * in the held-out batches: pairs of people never seen in training (face verification), or samples the
 * model generates (a diffusion model's class accuracy).
 */
public interface ProbingMetric extends Metric {
    /**
     * Runs the model and scores it. {@code finalEvaluation} is true at the end of a run, where the probe
     * uses its full set; intermediate evaluations may use a smaller one (each estimate says how many).
     */
    void probe(Executor executor, boolean finalEvaluation);

    @Override
    default void accumulate(NDArray output, NDArray target) {
        // fed by probe, not by the held-out batches
    }
}
