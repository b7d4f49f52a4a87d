package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Fraction of positions whose arg-max over the last axis of the logits equals the integer target.
 * {@link #ignoringNegativeTargets()} leaves out positions whose target is negative (the cross-entropy
 * ignore label, such as the noise positions of selective copying). Positions are scored per example (the
 * first axis), so the 95% interval allows for the positions of one sequence not being independent.
 */
public final class TokenAccuracy extends ProportionMetric {
    private final boolean skipNegative;

    /** Every position counts; reported as {@code accuracy}. */
    public TokenAccuracy() {
        this("accuracy", false);
    }

    private TokenAccuracy(String name, boolean skipNegative) {
        super(name);
        this.skipNegative = skipNegative;
    }

    /** Positions with a negative target are left out; reported as {@code token_accuracy}. */
    public static TokenAccuracy ignoringNegativeTargets() {
        return new TokenAccuracy("token_accuracy", true);
    }

    @Override
    public void accumulate(NDArray logits, NDArray target) {
        NDArray predicted = logits.argMax(-1).toType(DataType.INT64, false);
        NDArray expected = target.toType(DataType.INT64, false).reshape(predicted.getShape());
        long[] p = predicted.toLongArray();
        long[] e = expected.toLongArray();
        int examples = predicted.getShape().isScalar() ? 1 : (int) predicted.getShape().get(0);
        int perExample = p.length / Math.max(1, examples);
        for (int x = 0; x < examples; x++) {
            int hits = 0;
            int counted = 0;
            for (int i = x * perExample; i < (x + 1) * perExample; i++) {
                if (skipNegative && e[i] < 0) {
                    continue;
                }
                counted++;
                hits += p[i] == e[i] ? 1 : 0;
            }
            estimator.add(hits, counted);
        }
    }

}
