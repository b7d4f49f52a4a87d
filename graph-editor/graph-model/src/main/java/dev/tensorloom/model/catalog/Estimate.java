package dev.tensorloom.model.catalog;

/**
 * Analytic costs of one node: trainable parameters, floating-point operations and activation bytes
 * for one example (multiply by the batch size for a step). Dimensions still unknown when estimating
 * are counted as 1, and {@code exact} is then false.
 */
public record Estimate(long parameters, double flopsPerExample, long activationBytesPerExample, boolean exact) {
    public static final Estimate ZERO = new Estimate(0, 0, 0, true);

    public Estimate plus(Estimate o) {
        return new Estimate(parameters + o.parameters, flopsPerExample + o.flopsPerExample,
                activationBytesPerExample + o.activationBytesPerExample, exact && o.exact);
    }
}
