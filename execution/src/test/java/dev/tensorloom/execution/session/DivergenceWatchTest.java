package dev.tensorloom.execution.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DivergenceWatchTest {
    private static Divergence first(double... losses) {
        DivergenceWatch w = new DivergenceWatch();
        Divergence found = null;
        for (int i = 0; i < losses.length; i++) {
            Divergence d = w.observe(i + 1, losses[i]);
            if (d != null) {
                assertNull(found, "reported once");
                found = d;
            }
        }
        return found;
    }

    @Test
    void aLossHundredTimesItsBestAndAboveItsStartIsReportedOnceNamingTheStep() {
        Divergence d = first(2.9, 1.5, 0.9, 1.2, 95.0, 1e30, 3e30);
        assertNotNull(d);
        assertEquals(5, d.step());
        assertEquals(0.9, d.best());
        assertEquals(3, d.bestStep());
        assertTrue(d.describe().contains("step 5"), d.describe());
    }

    @Test
    void ordinaryCurvesAreNotDivergence() {
        assertNull(first(2.3, 1.0, 0.5, 0.7, 0.4, 0.45, 0.3), "noise");
        assertNull(first(89.0, 2.0, 0.8, 85.0), "a spike up to 100x that stays below the start");
        // Near zero, a spike of 1000x is still far below where the run started.
        assertNull(first(2.3, 1e-6, 1e-3, 2e-6));
        assertNull(first(1.0, 0.5, Double.NaN, Double.POSITIVE_INFINITY), "non-finite values are the NaN guard's");
    }

    @Test
    void negativeLossesCountByMagnitude() {
        assertNull(first(-1.0, -3.0, 250.0), "rose by 84x the best's magnitude");
        assertEquals(3, first(-1.0, -3.0, 300.0).step());
    }

    @Test
    void aWatchOverAHistoryKnowsItsBestAndWhetherItReported() {
        DivergenceWatch resumed = DivergenceWatch.over(List.of(2.0, 1.0, 0.5));
        assertEquals(4, resumed.observe(4, 60.0).step());
        DivergenceWatch reported = DivergenceWatch.over(List.of(2.0, 1.0, 500.0));
        assertNull(reported.observe(4, 5000.0), "the run being resumed already reported");
    }
}
