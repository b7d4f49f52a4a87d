package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.memory.MemorySample;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * Chart points of a memory timeline (x = sample index, y = MiB), thinned to a bounded count by keeping
 * the largest value of each bucket, so the chart never hides a peak however many samples a step has.
 */
public final class TimelineSeries {
    public static final double MIB = 1024.0 * 1024.0;

    private TimelineSeries() {
    }

    public static List<ChartPoint> ledger(List<MemorySample> samples, int maxPoints) {
        return points(samples, MemorySample::ledgerBytes, maxPoints);
    }

    /**
     * Measured bytes above {@code start}, the level the step began at, so the curve's top is the reported
     * peak; empty when the platform could not measure. Where the step freed memory held before it (the last
     * step's gradients) the curve stays at 0: the chart shows what the step added, and a memory axis never
     * reaches below 0.
     */
    public static List<ChartPoint> measured(List<MemorySample> samples, OptionalLong start, int maxPoints) {
        if (samples.isEmpty() || samples.get(0).measuredBytes().isEmpty() || start.isEmpty()) {
            return List.of();
        }
        long base = start.getAsLong();
        return points(samples, s -> Math.max(0, s.measuredBytes().orElse(base) - base), maxPoints);
    }

    static List<ChartPoint> points(List<MemorySample> samples, ToLongFunction<MemorySample> value, int maxPoints) {
        int n = samples.size();
        int bucket = Math.max(1, (n + maxPoints - 1) / maxPoints);
        List<ChartPoint> out = new ArrayList<>(Math.min(n, maxPoints));
        for (int start = 0; start < n; start += bucket) {
            int best = start;
            for (int i = start; i < Math.min(n, start + bucket); i++) {
                if (value.applyAsLong(samples.get(i)) > value.applyAsLong(samples.get(best))) {
                    best = i;
                }
            }
            out.add(new ChartPoint(best, value.applyAsLong(samples.get(best)) / MIB));
        }
        return out;
    }

    /** The highest point of a series, or null for an empty one. */
    public static ChartPoint peak(List<ChartPoint> points) {
        ChartPoint best = null;
        for (ChartPoint p : points) {
            if (best == null || p.y() > best.y()) {
                best = p;
            }
        }
        return best;
    }
}
