package dev.tensorloom.execution.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One held-out evaluation: {@code loss} and every metric's values in the order the metrics report them
 * (the first after {@code loss} is the headline), the 95% intervals of the values that have one, and how
 * many held-out examples the loss and the per-example metrics were computed on.
 */
public record Evaluation(Map<String, Double> values, Map<String, Estimate> estimates, long examples) {
    public Evaluation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        estimates = Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
    }

    /** No evaluation ran. */
    public static Evaluation none() {
        return new Evaluation(Map.of(), Map.of(), 0);
    }

    /** The first value after {@code loss}: what the template is judged by; {@code loss} when there is none. */
    public String headline() {
        return values.keySet().stream().filter(k -> !k.equals("loss")).findFirst().orElse("loss");
    }
}
