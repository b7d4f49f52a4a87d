package dev.tensorloom.execution.session;

import dev.tensorloom.execution.train.Estimate;
import dev.tensorloom.execution.train.Evaluation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Held-out evaluation after {@code step} training steps: {@code loss} and every configured metric in the
 * order the metrics report them (the first after {@code loss} is the headline), the 95% interval and
 * example count of those that have one, and how many held-out examples the evaluation ran on.
 */
public record EvalMetrics(long step, Map<String, Double> values, Map<String, Estimate> estimates, long examples) {
    public EvalMetrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        estimates = Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
    }

    /** Values without intervals (an engine that reports only numbers). */
    public EvalMetrics(long step, Map<String, Double> values) {
        this(step, values, Map.of(), 0);
    }

    /** The evaluation after {@code step} steps. */
    public static EvalMetrics of(long step, Evaluation evaluation) {
        return new EvalMetrics(step, evaluation.values(), evaluation.estimates(), evaluation.examples());
    }

    /** The first value after {@code loss}: what the model is judged by; {@code loss} when there is none. */
    public String headline() {
        return values.keySet().stream().filter(k -> !k.equals("loss")).findFirst().orElse("loss");
    }
}
