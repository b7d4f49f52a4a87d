package dev.tensorloom.execution.python;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns pip's output into a fraction for a progress bar: one step per pinned package collected
 * ({@code Collecting}/{@code Processing}/{@code Downloading} lines), then installing, then verifying.
 * The shares are fixed guesses of where the time goes, not measurements; the bar only promises to move
 * forward as pip does.
 */
final class PipProgress {
    static final double VENV_DONE = 0.05;
    static final double COLLECTED = 0.55;
    static final double INSTALLED = 0.9;

    private final SetupListener listener;
    private final int packages;
    private final Set<String> collected = new HashSet<>();
    private double fraction;

    PipProgress(SetupListener listener, int packages, double start) {
        this.listener = listener;
        this.packages = Math.max(1, packages);
        this.fraction = start;
    }

    void stage(double at, String stage) {
        fraction = Math.max(fraction, at);
        listener.onProgress(fraction, stage);
    }

    void line(String line) {
        listener.onLine(line);
        String s = line.strip();
        String name = firstWordAfter(s, "Collecting ", "Processing ", "Downloading ");
        if (name != null && collected.add(name)) {
            double at = VENV_DONE + (COLLECTED - VENV_DONE) * Math.min(collected.size(), packages) / packages;
            stage(at, (s.startsWith("Downloading") ? "downloading " : "collecting ") + name);
        } else if (s.startsWith("Installing collected packages")) {
            stage(COLLECTED, "installing " + (s.split(",").length) + " packages");
        } else if (s.startsWith("Successfully installed")) {
            stage(INSTALLED, "installed");
        }
    }

    private static String firstWordAfter(String s, String... prefixes) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix)) {
                String rest = s.substring(prefix.length()).strip();
                int end = rest.indexOf(' ');
                String word = end < 0 ? rest : rest.substring(0, end);
                int slash = word.lastIndexOf('/');
                return word.substring(slash + 1);
            }
        }
        return null;
    }
}
