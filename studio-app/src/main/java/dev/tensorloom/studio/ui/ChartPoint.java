package dev.tensorloom.studio.ui;

/** One point of a live chart. */
public record ChartPoint(double x, double y) {
}
