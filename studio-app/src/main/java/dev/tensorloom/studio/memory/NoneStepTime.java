package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.memory.MemoryPhase;
import dev.tensorloom.execution.memory.MemorySample;
import dev.tensorloom.execution.measure.PolicyMeasurement;
import java.util.List;

/**
 * How long one training step without checkpointing takes, and its forward pass: what every predicted step
 * time of the trade-off explorer adds the recomputed forwards to.
 *
 * @param stepNanos    the step
 * @param forwardNanos its forward pass
 * @param measured     true when timed (wall clock), false when estimated from FLOPs
 */
public record NoneStepTime(long stepNanos, long forwardNanos, boolean measured) {
    /**
     * A backward pass takes about twice its forward (two matrix products per layer against one), so an
     * estimated step is three forwards.
     */
    static final int STEP_PER_FORWARD = 3;

    /** Estimated from the forward time the planner's costs add up to (FLOPs, one nanosecond each). */
    public static NoneStepTime estimated(long forwardNanos) {
        return new NoneStepTime(STEP_PER_FORWARD * forwardNanos, forwardNanos, false);
    }

    /**
     * Measured: the median step time of {@code none}'s timed steps, and the forward pass's share of its metered
     * step (from the first sample to the last forward sample, over the whole metered step; the probe reads
     * slow both parts alike).
     */
    public static NoneStepTime measured(PolicyMeasurement none) {
        return new NoneStepTime(none.medianStepNanos(), Math.round(forwardShare(none.samples()) * none.medianStepNanos()),
                true);
    }

    /** The forward pass's share of the time a metered step's samples span; 1/3 when they cannot tell. */
    static double forwardShare(List<MemorySample> samples) {
        if (samples.size() < 2) {
            return 1.0 / STEP_PER_FORWARD;
        }
        long start = samples.get(0).nanos();
        long end = samples.get(samples.size() - 1).nanos();
        long forwardEnd = start;
        for (MemorySample s : samples) {
            if (s.phase() != MemoryPhase.FORWARD) {
                break;
            }
            forwardEnd = s.nanos();
        }
        return end <= start ? 1.0 / STEP_PER_FORWARD : (double) (forwardEnd - start) / (end - start);
    }
}
