package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.report.EvaluationJson;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.train.Estimate;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the final held-out evaluation: how many examples, then each value with its 95% interval. */
final class EvaluationText {
    private EvaluationText() {
    }

    static void print(PrintWriter out, EvalMetrics evaluation) {
        if (evaluation == null) {
            out.println("  no held-out evaluation ran");
            return;
        }
        out.printf(Locale.ROOT, "  held-out evaluation after step %d on %,d examples:%n", evaluation.step(),
                evaluation.examples());
        evaluation.values().forEach((name, value) -> {
            Estimate e = evaluation.estimates().get(name);
            String interval = e != null && EvaluationJson.hasInterval(e)
                    ? String.format(Locale.ROOT, "  (95%% interval %.5f to %.5f, %,d examples)", e.low95(), e.high95(),
                            e.examples())
                    : "";
            out.printf(Locale.ROOT, "  held-out %s: %.5f%s%n", name, value, interval);
        });
    }
}
