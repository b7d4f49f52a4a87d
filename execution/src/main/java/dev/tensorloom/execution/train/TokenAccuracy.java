package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Fraction of positions whose arg-max over the last axis of the logits equals the integer target. */
public final class TokenAccuracy implements Metric {
    private long correct;
    private long total;

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public void accumulate(NDArray logits, NDArray target) {
        NDArray predicted = logits.argMax(-1).toType(DataType.INT64, false);
        NDArray expected = target.toType(DataType.INT64, false).reshape(predicted.getShape());
        correct += predicted.eq(expected).sum().toType(DataType.INT64, false).getLong();
        total += predicted.size();
    }

    @Override
    public double value() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
