package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MaskedTokenAccuracyTest {

    @Test
    void negativeTargetsAreLeftOut() {
        try (NDManager m = NDManager.newBaseManager()) {
            TokenAccuracy acc = TokenAccuracy.ignoringNegativeTargets();
            assertEquals("token_accuracy", acc.name());
            acc.reset();
            // arg-max per row: 1, 0, 1, 0
            NDArray logits = m.create(new float[] {0, 1, 1, 0, 0, 1, 1, 0}, new Shape(1, 4, 2));
            acc.accumulate(logits, m.create(new long[] {-1, 0, 0, -1}, new Shape(1, 4)));
            assertEquals(0.5, acc.value(), 1e-12, "rows 1 (right) and 2 (wrong) count");
            acc.accumulate(logits, m.create(new long[] {-1, -1, -1, -1}, new Shape(1, 4)));
            assertEquals(0.5, acc.value(), 1e-12, "an all-ignored batch changes nothing");
        }
    }
}
