package dev.tensorloom.execution.train;

/**
 * Learning rate per training step: linear warm-up to the peak over {@code warmupSteps} steps, then either
 * constant or a half-cosine decay to {@code finalRate} at {@code totalSteps}.
 *
 * <p>Warm-up: {@code lr(s) = peak * (s + 1) / warmup} for {@code s < warmup} (never zero, so the first
 * step learns). Cosine: with {@code p = (s - warmup) / max(1, total - warmup)} clamped to [0, 1],
 * {@code lr(s) = final + (peak - final) * (1 + cos(pi * p)) / 2}.
 */
public record LearningRateSchedule(double peak, int warmupSteps, boolean cosine, int totalSteps, double finalRate) {

    public static LearningRateSchedule constant(double peak, int warmupSteps) {
        return new LearningRateSchedule(peak, warmupSteps, false, 0, peak);
    }

    public static LearningRateSchedule cosine(double peak, int warmupSteps, int totalSteps) {
        return new LearningRateSchedule(peak, warmupSteps, true, totalSteps, 0.0);
    }

    /** The rate for 0-based step {@code step}. */
    public double at(long step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (!cosine) {
            return peak;
        }
        double p = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        p = Math.min(1.0, Math.max(0.0, p));
        return finalRate + (peak - finalRate) * (1 + Math.cos(Math.PI * p)) / 2;
    }
}
