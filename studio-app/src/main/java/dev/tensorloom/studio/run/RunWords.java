package dev.tensorloom.studio.run;

import dev.tensorloom.model.doc.TrainingConfig;
import java.util.Map;

/** The run panel's words: a configuration in one line, metric names, values and durations. */
final class RunWords {
    private RunWords() {
    }

    /** A training configuration in one log line. */
    static String describe(TrainingConfig c) {
        // No device here: the engine's description names it (the project's device setting is DJL's, and a
        // PyTorch run reading "auto" beside "PyTorch on cpu" would contradict itself).
        return String.format("%s, %s lr %.3g (%s), batch %d, %d steps, seed %d, checkpoint %s",
                c.dataset().isBlank() ? "no dataset" : c.dataset(), c.optimizer(), c.learningRate(), c.schedule(),
                c.batchSize(), c.steps(), c.seed(), c.checkpointPolicy());
    }

    /** The engine as the run log names it: DJL with the project's device setting, PyTorch as its picker says. */
    static String engine(String description, TrainingConfig c) {
        return "DJL".equals(description) ? "DJL on " + c.device() : description;
    }

    /** Metric values in their own order, four significant digits. */
    static String values(Map<String, Double> values) {
        StringBuilder b = new StringBuilder();
        values.keySet().forEach(k -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format("%.4g", values.get(k))));
        return b.toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** {@code token_accuracy} → {@code Token accuracy}, {@code map50} stays as named by the metric. */
    static String readable(String metric) {
        String spaced = metric.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
