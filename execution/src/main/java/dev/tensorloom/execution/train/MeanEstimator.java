package dev.tensorloom.execution.train;

/**
 * Accumulates one number per example (a negative log-likelihood, a likelihood gap) and gives the mean
 * with the normal 95% interval mean ± 1.96·s/√n; held-out sets hold 1,000 or more examples, where
 * the normal approximation of the mean is sound. Welford's update keeps it stable.
 */
public final class MeanEstimator {
    private long count;
    private double mean;
    private double squares;

    public void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        squares += delta * (value - mean);
    }

    public void reset() {
        count = 0;
        mean = 0;
        squares = 0;
    }

    public long count() {
        return count;
    }

    /** The mean, NaN when empty. */
    public double value() {
        return count == 0 ? Double.NaN : mean;
    }

    public Estimate estimate() {
        if (count < 2) {
            return new Estimate(value(), Double.NaN, Double.NaN, count);
        }
        double half = Estimate.Z95 * Math.sqrt(squares / (count - 1) / count);
        return new Estimate(mean, mean - half, mean + half, count);
    }
}
