package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogAxisTest {

    private static List<Double> values(List<Number> logs) {
        return logs.stream().map(n -> Math.round(LogScale.fromAxis(n.doubleValue()) * 1000) / 1000.0).toList();
    }

    @Test
    void ticksSitAtRoundValuesBetweenTheBounds() {
        List<Number> ticks = LogAxis.ticks(LogScale.toAxis(0.9), LogScale.toAxis(25), new double[] {1, 2, 5});
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0), values(ticks));
        assertEquals(List.of(1.0, 1.2, 1.5), values(LogAxis.ticks(0, LogScale.toAxis(1.6), new double[] {1, 1.2, 1.5, 2})));
    }

    @Test
    void labelsReadAsRatiosAndSizes() {
        assertEquals("×1", LogScale.ratio(1));
        assertEquals("×1.5", LogScale.ratio(1.5));
        assertEquals("×89", LogScale.ratio(89.4));
        assertEquals("256 KiB", LogScale.mib(0.25));
        assertEquals("1.2 MiB", LogScale.mib(1.2));
        assertEquals("1300 MiB", LogScale.mib(1300));
    }
}
