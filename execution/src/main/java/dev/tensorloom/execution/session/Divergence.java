package dev.tensorloom.execution.session;

/**
 * The training loss ran away: at {@code step} it was {@code loss}, more than {@link DivergenceWatch#FACTOR}
 * times its best so far ({@code best}, reached at {@code bestStep}) and above where it started.
 */
public record Divergence(long step, double loss, double best, long bestStep) {

    /** One line for a log or a terminal, naming the step. */
    public String describe() {
        return String.format("the loss diverged at step %d: %.4g, more than %.0fx its best %.4g (step %d)", step, loss,
                DivergenceWatch.FACTOR, best, bestStep);
    }
}
