package dev.tensorloom.studio.run;

import dev.tensorloom.execution.session.StepMetrics;

/**
 * The Run tab's one line of progress: step, loss and ETA (from a smoothed step time) while a run trains, and
 * where it stands once it does not (paused, stopping, stopped, failed, finished), never a frozen ETA.
 */
final class ProgressText {
    /** Weight of the newest step in the smoothed step time behind the ETA. */
    private static final double ETA_SMOOTHING = 0.1;

    private int totalSteps;
    private double secondsPerStep = Double.NaN;
    private long lastStep;
    private double lastLoss = Double.NaN;

    /** A new run (or none): nothing trained yet. */
    void reset() {
        totalSteps = 0;
        secondsPerStep = Double.NaN;
        lastStep = 0;
        lastLoss = Double.NaN;
    }

    void started(int steps) {
        totalSteps = steps;
    }

    /** Fraction of the run done after step {@code m}. */
    double fraction(StepMetrics m) {
        return totalSteps == 0 ? 0 : (double) m.step() / totalSteps;
    }

    /** The line after step {@code m} of a run training {@code batch} examples a step. */
    String step(StepMetrics m, int batch) {
        double seconds = m.examplesPerSecond() > 0 ? batch / m.examplesPerSecond() : Double.NaN;
        if (Double.isFinite(seconds)) {
            secondsPerStep = Double.isNaN(secondsPerStep) ? seconds
                    : (1 - ETA_SMOOTHING) * secondsPerStep + ETA_SMOOTHING * seconds;
        }
        lastStep = m.step();
        lastLoss = m.loss();
        long remaining = Math.max(0, totalSteps - m.step());
        return String.format("Step %d / %d · loss %.4g · ETA %s", m.step(), totalSteps, m.loss(),
                Double.isNaN(secondsPerStep) ? "…" : RunWords.duration(remaining * secondsPerStep));
    }

    /** The line for a run in state {@code s} that is not training; null for a state whose line comes elsewhere. */
    String standstill(RunState s) {
        String where = lastStep > 0 ? String.format("step %d / %d · loss %.4g", lastStep, totalSteps, lastLoss) : null;
        String at = where == null ? "before the first step" : "at " + where;
        return switch (s) {
            case PAUSED -> "Paused " + at;
            case STOPPING -> "Stopping after the current step" + (where == null ? "" : " (" + where + ")");
            case STOPPED -> "Stopped " + at;
            case FAILED -> "Failed " + at;
            case FINISHED -> "Finished " + at;
            default -> null;
        };
    }
}
