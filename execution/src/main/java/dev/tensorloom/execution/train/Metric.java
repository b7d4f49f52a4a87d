package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;

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
}
