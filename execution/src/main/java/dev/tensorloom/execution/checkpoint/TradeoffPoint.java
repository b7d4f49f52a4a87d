package dev.tensorloom.execution.checkpoint;

import java.util.Objects;

/**
 * One policy on the memory/time trade-off chart: what the planner predicts it costs on one model.
 *
 * @param policy         the policy, ready to be applied to a run
 * @param peakBytes      predicted peak of saved activations ({@link SegmentCostModel}, or the simulated
 *                       Revolve schedule)
 * @param extraNanos     predicted time of the forwards run again
 * @param stepNanos      predicted time of one training step: {@code none}'s step time plus {@code extraNanos}
 * @param recomputeCount node forwards run beyond one per node
 * @param onFrontier     true when no other point is at least as good on both counts and better on one
 */
public record TradeoffPoint(CheckpointPolicy policy, long peakBytes, long extraNanos, long stepNanos,
        long recomputeCount, boolean onFrontier) {

    public TradeoffPoint {
        Objects.requireNonNull(policy, "policy");
    }

    /** Predicted step time over {@code none}'s. */
    public double timeRatio(long noneStepNanos) {
        return noneStepNanos <= 0 ? 1 : (double) stepNanos / noneStepNanos;
    }

    /** Whether this point is at least as good as {@code other} on both counts and better on one. */
    boolean dominates(TradeoffPoint other) {
        return peakBytes <= other.peakBytes && stepNanos <= other.stepNanos
                && (peakBytes < other.peakBytes || stepNanos < other.stepNanos);
    }

    TradeoffPoint onFrontier(boolean value) {
        return new TradeoffPoint(policy, peakBytes, extraNanos, stepNanos, recomputeCount, value);
    }
}
