package dev.tensorloom.execution.session;

import dev.tensorloom.execution.exec.ExecutorAction;
import java.util.Map;

/**
 * Receives what a {@link TrainingSession} does, on the session's training thread (shaped like DJL's
 * {@code TrainingListener}). Every method has an empty default; keep implementations quick and hand
 * work to other threads, since the training step waits for them.
 */
public interface RunListener {
    default void onStep(StepMetrics metrics) {
    }

    default void onEvaluation(EvalMetrics metrics) {
    }

    default void onActivation(ActivationSnapshot snapshot) {
    }

    /** Gradient norm of each node's parameters, before clipping. */
    default void onGradientNorms(long step, Map<String, Double> norms) {
    }

    default void onExecutorAction(ExecutorAction action) {
    }

    /** The loss ran away ({@link DivergenceWatch}); sent once per run, before that step's {@link #onStep}. */
    default void onDivergence(Divergence divergence) {
    }

    default void onFinished(RunSummary summary) {
    }

    default void onFailed(RunFailure failure) {
    }
}
