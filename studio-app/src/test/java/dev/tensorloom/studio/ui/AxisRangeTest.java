package dev.tensorloom.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisRangeTest {
    @Test
    void stepsRunFromZeroToARoundStepAtOrAfterTheLast() {
        assertEquals(new AxisRange(0, 1, 1), AxisRange.steps(0));
        assertEquals(new AxisRange(0, 1500, 500), AxisRange.steps(1234));
        assertEquals(new AxisRange(0, 40, 10), AxisRange.steps(40));
    }

    @Test
    void oneValueGetsARangeAroundIt() {
        AxisRange one = AxisRange.values(List.of(new ChartPoint(20, 0.8)), false);
        assertTrue(one.lower() < 0.8 && one.upper() > 0.8 && one.upper() - one.lower() < 1, one.toString());
        AxisRange zero = AxisRange.values(List.of(new ChartPoint(20, 0)), false);
        assertTrue(zero.lower() < 0 && zero.upper() > 0, zero.toString());
        AxisRange constantRate = AxisRange.values(List.of(new ChartPoint(1, 1e-3), new ChartPoint(2, 1e-3)), true);
        assertTrue(constantRate.lower() >= 0 && constantRate.lower() < 1e-3 && constantRate.upper() > 1e-3,
                constantRate.toString());
    }

    @Test
    void quantitiesThatCannotBeNegativeNeverRangeBelowZero() {
        AxisRange speed = AxisRange.values(List.of(new ChartPoint(1, 0), new ChartPoint(2, 900)), true);
        assertEquals(0, speed.lower());
        assertTrue(speed.upper() >= 900);
        assertEquals(0, AxisRange.values(List.of(new ChartPoint(1, 0)), true).lower());
        AxisRange nll = AxisRange.values(List.of(new ChartPoint(1, -2.5), new ChartPoint(2, 1.0)), false);
        assertTrue(nll.lower() <= -2.5, "a loss may be negative: " + nll);
    }

    @Test
    void rangesEndOnTicksAndTickLabelsAreShort() {
        AxisRange r = AxisRange.values(List.of(new ChartPoint(1, 0.31), new ChartPoint(2, 2.87)), false);
        assertEquals(0, Math.IEEEremainder(r.lower(), r.tick()), 1e-9);
        assertEquals(0, Math.IEEEremainder(r.upper(), r.tick()), 1e-9);
        assertEquals("0.001", AxisRange.label(0.001));
        assertEquals("1,500", AxisRange.label(1500));
        assertEquals("2.5", AxisRange.label(2.5));
        assertEquals("0.35", AxisRange.label(0.35000000000000003));
        assertEquals("1.23e-05", AxisRange.label(1.23e-5));
        AxisRange empty = AxisRange.values(List.of(), false);
        assertEquals(0, empty.lower());
        assertEquals(1, empty.upper());
    }
}
