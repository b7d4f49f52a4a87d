package dev.tensorloom.studio.run;

/** One point of a live chart. */
public record ChartPoint(double x, double y) {
}
