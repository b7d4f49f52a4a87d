package dev.tensorloom.execution.session;

import java.util.List;
import java.util.Map;

/**
 * The end of a run.
 *
 * @param steps               steps completed
 * @param stopped             true when {@link TrainingSession#stop()} ended the run before its last step
 * @param losses              training loss of every step, in order
 * @param lastEvaluation      the last held-out evaluation, empty when none ran
 * @param forwardEvaluations  block forward evaluations over the run, recomputations included
 */
public record RunSummary(long steps, boolean stopped, List<Double> losses, Map<String, Double> lastEvaluation,
        long forwardEvaluations, long elapsedMillis) {
    public RunSummary {
        losses = List.copyOf(losses);
        lastEvaluation = Map.copyOf(lastEvaluation);
    }
}
