package dev.tensorloom.studio.memory;

import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The highest point of one timeline series, to be marked on the chart with its value.
 *
 * @param series index of the series in the chart (0 none ledger, 1 none measured, 2 policy ledger, 3 policy measured)
 * @param x      schedule action index of the peak
 * @param y      MiB held there
 * @param label  what the mark says, for example {@code "sqrt ledger 1.0 MiB"}
 */
public record PeakMark(int series, double x, double y, String label) {

    /** One mark per non-empty series, at its highest point, labelled with the series' name. */
    static List<PeakMark> peaks(List<List<ChartPoint>> series, List<String> names) {
        List<PeakMark> marks = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            ChartPoint p = TimelineSeries.peak(series.get(i));
            if (p != null) {
                marks.add(new PeakMark(i, p.x(), p.y(), String.format("%s %.1f MiB", names.get(i), p.y())));
            }
        }
        return marks;
    }
}
