package dev.tensorloom.execution.session;

import java.util.Map;

/** Held-out evaluation after {@code step} training steps: {@code loss} and every configured metric. */
public record EvalMetrics(long step, Map<String, Double> values) {
    public EvalMetrics {
        values = Map.copyOf(values);
    }
}
