package dev.tensorloom.execution.session;

/**
 * Watches the loss curve for a run that explodes without ever becoming NaN (a learning rate far too
 * high: RealNVP at lr 10 ends near 1e30). The loss has diverged when it rose above its best by more than
 * {@code FACTOR - 1} times the best's magnitude (for a positive loss: above {@code FACTOR} times the best)
 * and also above its first value, so noise around a loss near zero never counts. Reported once per run.
 */
public final class DivergenceWatch {
    /** How many times its best the loss must reach. */
    public static final double FACTOR = 100;

    private double first = Double.NaN;
    private double best = Double.POSITIVE_INFINITY;
    private long bestStep;
    private boolean reported;

    /**
     * A watch that continues a run whose loss curve so far was {@code losses} (steps 1..n): it knows that
     * run's best and whether it already reported, exactly as if it had watched it.
     */
    public static DivergenceWatch over(Iterable<Double> losses) {
        DivergenceWatch w = new DivergenceWatch();
        long step = 0;
        for (double loss : losses) {
            w.observe(++step, loss);
        }
        return w;
    }

    /**
     * Records the loss of 1-based {@code step}; returns the divergence the first time the loss crosses
     * the line, else null. Non-finite losses are left to the run's NaN check.
     */
    public Divergence observe(long step, double loss) {
        if (!Double.isFinite(loss)) {
            return null;
        }
        if (!reported && Double.isFinite(best) && loss > first && loss - best > (FACTOR - 1) * Math.abs(best)) {
            reported = true;
            return new Divergence(step, loss, best, bestStep);
        }
        track(step, loss);
        return null;
    }

    private void track(long step, double loss) {
        if (!Double.isFinite(loss)) {
            return;
        }
        if (Double.isNaN(first)) {
            first = loss;
        }
        if (loss < best) {
            best = loss;
            bestStep = step;
        }
    }
}
