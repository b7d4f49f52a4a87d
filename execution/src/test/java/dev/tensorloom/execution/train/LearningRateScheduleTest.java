package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void warmUpThenCosineFollowsTheFormula() {
        LearningRateSchedule s = LearningRateSchedule.cosine(2.0, 4, 14);
        assertEquals(0.5, s.at(0), 1e-12);
        assertEquals(1.5, s.at(2), 1e-12);
        assertEquals(2.0, s.at(3), 1e-12);
        assertEquals(2.0, s.at(4), 1e-12, "cosine starts at the peak");
        assertEquals(1.0, s.at(9), 1e-12, "half way the rate is half the peak");
        assertEquals(2.0 * (1 + Math.cos(Math.PI * 0.3)) / 2, s.at(7), 1e-12);
        assertEquals(0.0, s.at(14), 1e-12);
        assertEquals(0.0, s.at(100), 1e-12, "stays at the final rate after the end");
    }

    @Test
    void constantAfterWarmUp() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.1, 0);
        assertEquals(0.1, s.at(0), 0);
        assertEquals(0.1, s.at(1000), 0);
        assertEquals(0.05, LearningRateSchedule.constant(0.1, 2).at(0), 1e-15);
    }
}
