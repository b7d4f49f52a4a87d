package dev.tensorloom.execution.report;

import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.EvalMetrics;
import java.util.List;

/**
 * The curves of a run up to some step: what a saved training state keeps so that the resumed run's
 * metrics hold the whole run, not only its second half.
 *
 * @param losses         training loss of steps 1..n
 * @param learningRates  learning rate of steps 1..n
 * @param evaluations    held-out evaluations so far
 * @param throughputSum  sum of examples per second over the steps counted for the mean
 * @param divergence     the divergence reported so far, or null
 */
public record RunHistory(List<Double> losses, List<Double> learningRates, List<EvalMetrics> evaluations,
        double throughputSum, long throughputCount, Divergence divergence) {
    public static final RunHistory EMPTY = new RunHistory(List.of(), List.of(), List.of(), 0, 0, null);

    public RunHistory {
        losses = List.copyOf(losses);
        learningRates = List.copyOf(learningRates);
        evaluations = List.copyOf(evaluations);
        if (losses.size() != learningRates.size()) {
            throw new IllegalArgumentException("a history needs one learning rate per loss, got " + losses.size()
                    + " losses and " + learningRates.size() + " rates");
        }
    }
}
