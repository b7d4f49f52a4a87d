package dev.tensorloom.studio.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.chart.ValueAxis;

/**
 * A logarithmic axis over values the chart is given as base-2 logarithms ({@link LogScale#toAxis}). Ticks
 * sit at round values (1, 1.2, 1.5, 2, 3, 5, 10, 20, …), as many as fit without crowding, and are labelled
 * with the values themselves. The memory/time trade-off spans orders of magnitude (Revolve with one slot
 * recomputes a hundred times what {@code none} runs), so equal ratios get equal room.
 */
final class LogAxis extends ValueAxis<Number> {
    /** Round mantissas per decade, finest first; coarser sets are tried until the ticks fit. */
    private static final double[][] MANTISSAS = {
        {1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2, 2.5, 3, 4, 5, 6, 8},
        {1, 1.2, 1.5, 2, 3, 5, 7},
        {1, 2, 5},
        {1},
    };
    /** Least room, in pixels, between two tick labels. */
    private static final double TICK_SPACING = 46;

    private final DoubleFunction<String> format;

    /** @param format the label of a tick at a (not logarithmic) value */
    LogAxis(DoubleFunction<String> format) {
        this.format = format;
        setMinorTickVisible(false);
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        double low = minValue;
        double high = maxValue;
        if (high - low < 0.2) {
            // One point, or points close together: a sliver of range either side.
            low -= 0.1;
            high += 0.1;
        }
        double pad = (high - low) * 0.05;
        return new double[] {low - pad, high + pad, calculateNewScale(length, low - pad, high + pad)};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
        setScale(r[2]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound(), getScale()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        int most = Math.max(2, (int) (length / TICK_SPACING));
        for (double[] mantissas : MANTISSAS) {
            List<Number> ticks = ticks(r[0], r[1], mantissas);
            if (ticks.size() <= most) {
                return ticks;
            }
        }
        // Even one tick a decade is too many: every other decade.
        List<Number> decades = ticks(r[0], r[1], MANTISSAS[MANTISSAS.length - 1]);
        List<Number> sparse = new ArrayList<>();
        int step = (int) Math.ceil(decades.size() / (double) most);
        for (int i = 0; i < decades.size(); i += step) {
            sparse.add(decades.get(i));
        }
        return sparse;
    }

    /** The logarithms of every round value between the bounds (given as logarithms). */
    static List<Number> ticks(double lowLog, double highLog, double[] mantissas) {
        double low = LogScale.fromAxis(lowLog);
        double high = LogScale.fromAxis(highLog);
        List<Number> out = new ArrayList<>();
        for (int exponent = (int) Math.floor(Math.log10(low)); Math.pow(10, exponent) <= high; exponent++) {
            for (double m : mantissas) {
                double v = m * Math.pow(10, exponent);
                if (v >= low && v <= high) {
                    out.add(LogScale.toAxis(v));
                }
            }
        }
        return out;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return format.apply(LogScale.fromAxis(value.doubleValue()));
    }
}
