package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.session.StepMetrics;
import java.io.PrintWriter;

/**
 * The training progress bar on stderr: step, loss, examples per second and ETA. On a terminal it
 * redraws one line; otherwise (logs, CI) it prints a line at most every few seconds.
 */
final class ProgressLine {
    private static final int WIDTH = 24;
    private static final long QUIET_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final long totalSteps;
    private final boolean terminal;
    private final long startStep;
    private final long started = System.nanoTime();
    private long lastPrinted;
    private boolean midLine;

    ProgressLine(PrintWriter err, long totalSteps, boolean terminal) {
        this(err, totalSteps, terminal, 0);
    }

    /** @param startStep steps already done before this process (a resumed run): the ETA counts only the rest */
    ProgressLine(PrintWriter err, long totalSteps, boolean terminal, long startStep) {
        this.err = err;
        this.totalSteps = totalSteps;
        this.terminal = terminal;
        this.startStep = startStep;
    }

    /** Prints a message on a line of its own, without tearing the progress bar on a terminal. */
    void interject(String message) {
        if (terminal && midLine) {
            err.print("\n");
            midLine = false;
        }
        err.println(message);
        err.flush();
    }

    void update(StepMetrics m) {
        long now = System.nanoTime();
        boolean last = m.step() >= totalSteps;
        if (!terminal && !last && m.step() != startStep + 1 && now - lastPrinted < QUIET_NANOS) {
            return;
        }
        lastPrinted = now;
        double elapsed = (now - started) / 1e9;
        long done = m.step() - startStep;
        double eta = done <= 0 ? 0 : elapsed / done * (totalSteps - m.step());
        int filled = (int) (WIDTH * m.step() / Math.max(1, totalSteps));
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format("[%s] step %d/%d  loss %.4f  %.0f ex/s (%s)  ETA %s", bar, m.step(), totalSteps,
                m.loss(), m.examplesPerSecond(), m.speedBasis(), duration(eta));
        if (terminal) {
            err.print("\r" + line + (last ? "\n" : ""));
            midLine = !last;
            err.flush();
        } else {
            err.println(line);
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
