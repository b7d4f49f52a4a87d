package dev.tensorloom.studio.activation;

import java.util.ArrayList;
import java.util.List;

/** "Nice" tick positions (1, 2 or 5 times a power of ten) covering a range with a few ticks. */
final class AxisTicks {
    private AxisTicks() {
    }

    /** Ticks inside [min, max], about {@code target} of them. */
    static List<Double> of(double min, double max, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            return ticks;
        }
        double raw = (max - min) / Math.max(1, target);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                step = m * power;
                break;
            }
        }
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    /** A short label for a tick. */
    static String label(double v) {
        return String.format("%.3g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }
}
