package dev.tensorloom.execution.session;

/** Summary statistics of one tensor (over all its values; NaN/Inf propagate into mean, std, min, max). */
public record ActivationStats(double mean, double std, double min, double max, double zeroFraction, long nanCount,
        long infCount) {
}
