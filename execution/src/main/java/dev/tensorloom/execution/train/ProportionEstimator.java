package dev.tensorloom.execution.train;

/**
 * Accumulates a proportion scored per example, where one example may hold several scored items (the
 * tokens of a sequence, the joints of a figure): the value is hits / items over all examples. Items of
 * one example are not independent, so the 95% interval is Wilson's score interval on the effective
 * number of items (Kish: items divided by the design effect, the ratio of the example-clustered variance
 * to the binomial one), never fewer than the number of examples nor more than the number of items.
 */
public final class ProportionEstimator {
    private long examples;
    private double hits;
    private double items;
    private double hitsSquared;
    private double itemsSquared;
    private double hitsTimesItems;

    /** Adds one example with {@code hits} of its {@code items} scored right; examples with no items are skipped. */
    public void add(double exampleHits, double exampleItems) {
        if (exampleItems <= 0) {
            return;
        }
        examples++;
        hits += exampleHits;
        items += exampleItems;
        hitsSquared += exampleHits * exampleHits;
        itemsSquared += exampleItems * exampleItems;
        hitsTimesItems += exampleHits * exampleItems;
    }

    public void reset() {
        examples = 0;
        hits = 0;
        items = 0;
        hitsSquared = 0;
        itemsSquared = 0;
        hitsTimesItems = 0;
    }

    public long examples() {
        return examples;
    }

    /** hits / items, NaN when nothing was scored. */
    public double value() {
        return items == 0 ? Double.NaN : hits / items;
    }

    /** The proportion with its 95% interval. */
    public Estimate estimate() {
        if (examples == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double p = hits / items;
        double effective = examples;
        if (examples > 1 && p > 0 && p < 1) {
            // Σ(h_i − p·n_i)² over examples, expanded so nothing per example has to be kept
            double residual = hitsSquared - 2 * p * hitsTimesItems + p * p * itemsSquared;
            double clustered = examples / (examples - 1.0) * residual / (items * items);
            double binomial = p * (1 - p) / items;
            double designEffect = clustered / binomial;
            effective = designEffect > 0 ? items / designEffect : items;
        }
        effective = Math.max(examples, Math.min(items, effective));
        double[] w = wilson(p, effective);
        return new Estimate(p, w[0], w[1], examples);
    }

    /** Wilson's 95% score interval for proportion {@code p} out of {@code n} trials. */
    static double[] wilson(double p, double n) {
        double z = Estimate.Z95;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
