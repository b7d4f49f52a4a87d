package dev.tensorloom.execution.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.train.Estimate;

/**
 * Writes one held-out evaluation into a metrics file: {@code examples} (held-out examples), every value
 * by name, and {@code ci95}: per value that has one, its 95% interval and the independent examples it
 * rests on ({@code {"low": …, "high": …, "examples": …}}).
 */
public final class EvaluationJson {
    private EvaluationJson() {
    }

    /** Adds {@code evaluation}'s examples, headline, values and intervals to {@code node}; nothing when null. */
    public static void put(ObjectNode node, EvalMetrics evaluation) {
        if (evaluation == null) {
            return;
        }
        node.put("examples", evaluation.examples());
        node.put("headline", evaluation.headline());
        evaluation.values().forEach(node::put);
        ObjectNode intervals = node.putObject("ci95");
        evaluation.estimates().forEach((name, e) -> {
            ObjectNode i = intervals.putObject(name);
            i.put("low", e.low95());
            i.put("high", e.high95());
            i.put("examples", e.examples());
        });
    }

    /** Whether an estimate has an interval at all. */
    public static boolean hasInterval(Estimate e) {
        return !Double.isNaN(e.low95()) && !Double.isNaN(e.high95());
    }
}
