package dev.tensorloom.studio.memory;

/**
 * The highest point of one timeline series, to be marked on the chart with its value.
 *
 * @param series index of the series in the chart (0 none ledger, 1 none measured, 2 policy ledger, 3 policy measured)
 * @param x      schedule action index of the peak
 * @param y      MiB held there
 * @param label  what the mark says, for example {@code "sqrt ledger 1.0 MiB"}
 */
public record PeakMark(int series, double x, double y, String label) {
}
