package dev.tensorloom.studio.run;

import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.train.Estimate;
import java.util.Locale;

/** An evaluation's headline metric in one line for the Run tab: value, 95% interval, examples. */
final class EvaluationWords {
    private EvaluationWords() {
    }

    /**
     * For example {@code Held-out token accuracy after step 2,000: 0.981 (95% interval 0.975–0.986, 1,024
     * examples)}; without an interval the value and the held-out examples alone.
     */
    static String headline(EvalMetrics m) {
        String name = m.headline();
        Double value = m.values().get(name);
        if (value == null) {
            return "";
        }
        Estimate e = m.estimates().get(name);
        String words = String.format(Locale.ROOT, "Held-out %s after step %,d: %.3f",
                RunWords.readable(name).toLowerCase(Locale.ROOT), m.step(), value);
        if (e != null && !e.intervalText("%.3f").isEmpty()) {
            return words + String.format(Locale.ROOT, " (95%% interval %s, %,d examples)", e.intervalText("%.3f"),
                    e.examples());
        }
        return m.examples() > 0 ? words + String.format(Locale.ROOT, " (%,d examples)", m.examples()) : words;
    }
}
