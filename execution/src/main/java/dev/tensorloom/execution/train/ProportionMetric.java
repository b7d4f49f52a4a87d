package dev.tensorloom.execution.train;

import java.util.Map;

/**
 * A metric whose value is one proportion, reported under one name with its 95% interval: what token
 * accuracy, PCK and the probing accuracies share. Subclasses score examples into {@link #estimator}.
 */
public abstract class ProportionMetric implements Metric {
    /** Where subclasses add each example's hits and items; emptied by {@link #reset()}. */
    protected final ProportionEstimator estimator = new ProportionEstimator();
    private final String name;

    protected ProportionMetric(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public void reset() {
        estimator.reset();
    }

    @Override
    public final double value() {
        return estimator.value();
    }

    @Override
    public final Map<String, Estimate> estimates() {
        return Map.of(name, estimator.estimate());
    }
}
