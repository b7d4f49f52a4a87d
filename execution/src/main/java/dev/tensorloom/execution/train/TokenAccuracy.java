package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Fraction of positions whose arg-max over the last axis of the logits equals the integer target.
 * {@link #ignoringNegativeTargets()} leaves out positions whose target is negative (the cross-entropy
 * ignore label, such as the noise positions of selective copying).
 */
public final class TokenAccuracy implements Metric {
    private final String name;
    private final boolean skipNegative;
    private long correct;
    private long total;

    /** Every position counts; reported as {@code accuracy}. */
    public TokenAccuracy() {
        this("accuracy", false);
    }

    private TokenAccuracy(String name, boolean skipNegative) {
        this.name = name;
        this.skipNegative = skipNegative;
    }

    /** Positions with a negative target are left out; reported as {@code token_accuracy}. */
    public static TokenAccuracy ignoringNegativeTargets() {
        return new TokenAccuracy("token_accuracy", true);
    }

    @Override
    public String name() {
        return name;
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
        NDArray hit = predicted.eq(expected);
        if (skipNegative) {
            NDArray counted = expected.gte(0);
            hit = hit.logicalAnd(counted);
            total += counted.sum().toType(DataType.INT64, false).getLong();
        } else {
            total += predicted.size();
        }
        correct += hit.sum().toType(DataType.INT64, false).getLong();
    }

    @Override
    public double value() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
