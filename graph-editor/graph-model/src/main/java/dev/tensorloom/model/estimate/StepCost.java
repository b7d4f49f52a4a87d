package dev.tensorloom.model.estimate;

import dev.tensorloom.model.catalog.Estimate;

/**
 * Costs for one step over a batch: parameters (independent of the batch), forward FLOPs and the
 * activation bytes the forward pass produces.
 */
public record StepCost(int batchSize, long parameters, double forwardFlops, long activationBytes, boolean exact) {

    /**
     * Backward costs about twice the forward (one product for the input gradient, one for the weight
     * gradient), the usual 6·N·D rule of thumb (Kaplan et al., 2020).
     */
    static final double TRAINING_TO_FORWARD = 3.0;

    public StepCost {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    public static StepCost of(Estimate e, int batchSize) {
        return new StepCost(batchSize, e.parameters(), e.flopsPerExample() * batchSize,
                Math.multiplyExact(e.activationBytesPerExample(), (long) batchSize), e.exact());
    }

    /** Forward plus backward FLOPs for the step. */
    public double trainingFlops() {
        return forwardFlops * TRAINING_TO_FORWARD;
    }

    /** "1.2 M params, 38.5 MFLOP, 12.3 MiB" for tooltips and the status bar. */
    public String describe() {
        return Units.params(parameters) + ", " + Units.flops(forwardFlops) + ", " + Units.bytes(activationBytes);
    }
}
