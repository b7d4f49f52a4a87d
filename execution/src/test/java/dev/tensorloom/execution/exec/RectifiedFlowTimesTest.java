package dev.tensorloom.execution.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The sampler's time grid against hand-computed SD3 shifted times. */
class RectifiedFlowTimesTest {

    @Test
    void unshiftedTimesRunEvenlyFromNoiseToData() {
        assertArrayEquals(new double[] {1, 0.75, 0.5, 0.25, 0}, RectifiedFlowSampler.times(4, 1.0), 1e-12);
    }

    /** shift 3: u = 0.75 → 2.25/2.5 = 0.9, u = 0.5 → 1.5/2 = 0.75, u = 0.25 → 0.75/1.5 = 0.5. */
    @Test
    void shiftSpendsMoreStepsAtHighNoise() {
        assertArrayEquals(new double[] {1, 0.9, 0.75, 0.5, 0}, RectifiedFlowSampler.times(4, 3.0), 1e-12);
    }

    @Test
    void refusesNoStepsOrANonPositiveShift() {
        assertThrows(IllegalArgumentException.class, () -> RectifiedFlowSampler.times(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> RectifiedFlowSampler.times(4, 0.0));
    }
}
