package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.compile.Step;
import java.util.Map;

/**
 * A quality measure accumulated over evaluation batches from one node's output and a target field,
 * such as token accuracy. Templates choose which node and field feed it.
 */
public interface Metric {
    String name();

    void reset();

    /** Adds one batch: {@code output} of the watched node and the batch's {@code target}. */
    void accumulate(NDArray output, NDArray target);

    /** The value over everything accumulated since {@link #reset()}; NaN when nothing was. */
    double value();

    /**
     * Sees every node's outputs of an evaluation pass together with the whole batch, for metrics that
     * need more than one node or field (detection mAP, flow likelihoods). Called after
     * {@link #accumulate} for the bound node; the default ignores it.
     */
    default void observe(Step step, NDList outputs, Map<String, NDArray> batch) {
    }

    /** Every value this metric reports, by name; the default is {@link #name()} to {@link #value()}. */
    default Map<String, Double> values() {
        return Map.of(name(), value());
    }

    /**
     * The values that come with a 95% interval and an example count, by name (a subset of
     * {@link #values()}); the default has none.
     */
    default Map<String, Estimate> estimates() {
        return Map.of();
    }
}
