package dev.tensorloom.studio.ui;

import java.util.List;

/**
 * A chart axis' range and tick unit, on "nice" ticks (1, 2 or 5 times a power of ten): the shared step range
 * of the run charts, and a value range that is never a single point (one evaluation gets a range around its
 * value) and, for quantities that cannot be negative, never starts below 0.
 */
public record AxisRange(double lower, double upper, double tick) {
    /** About this many ticks per axis: readable at the run panel's chart width. */
    static final int TICKS = 5;

    /** Steps 0 to at least {@code lastStep}, ending on a tick. */
    public static AxisRange steps(double lastStep) {
        double last = Double.isFinite(lastStep) ? Math.max(1, lastStep) : 1;
        double tick = Math.max(1, niceStep(last / TICKS));
        return new AxisRange(0, Math.ceil(last / tick) * tick, tick);
    }

    /** The range of the points' finite values, padded a little; from 0 up when {@code nonNegative}. */
    public static AxisRange values(List<ChartPoint> points, boolean nonNegative) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartPoint p : points) {
            if (Double.isFinite(p.y())) {
                min = Math.min(min, p.y());
                max = Math.max(max, p.y());
            }
        }
        if (min > max) {
            return new AxisRange(0, 1, niceStep(1.0 / TICKS));
        }
        // One value (one evaluation, a constant learning rate) gets a tenth of itself on each side.
        double pad = max > min ? (max - min) * 0.05 : (min == 0 ? 1 : Math.abs(min) * 0.1);
        double lower = min - pad;
        double upper = max + pad;
        if (nonNegative) {
            lower = Math.max(0, lower);
        }
        double tick = niceStep((upper - lower) / TICKS);
        lower = Math.floor(lower / tick) * tick;
        upper = Math.ceil(upper / tick) * tick;
        if (nonNegative && lower < 0) {
            lower = 0;
        }
        return new AxisRange(lower, upper, tick);
    }

    /** A short tick label: three significant digits, no trailing zeros ("0.001", "2.5e+04", "120"). */
    public static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format("%,d", (long) v);
        }
        return String.format("%.3g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /** The nice step (1, 2 or 5 × 10^k) at or above {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= raw * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
