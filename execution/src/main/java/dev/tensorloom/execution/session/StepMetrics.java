package dev.tensorloom.execution.session;

/**
 * Metrics of one finished training step ({@code step} counts from 1). {@code examplesPerSecond} is the
 * batch over the step's wall-clock time (what a user waits for, not CPU time); {@code threads} is how
 * many threads the engine computed on (libtorch's intra-op threads), 0 when unknown.
 */
public record StepMetrics(long step, double loss, double learningRate, double examplesPerSecond, int threads) {
    /** A step whose thread count is not known. */
    public StepMetrics(long step, double loss, double learningRate, double examplesPerSecond) {
        this(step, loss, learningRate, examplesPerSecond, 0);
    }

    /** How the speed is measured, for a label: {@code wall clock, 2 threads}. */
    public String speedBasis() {
        return threads <= 0 ? "wall clock" : "wall clock, " + threads + (threads == 1 ? " thread" : " threads");
    }
}
