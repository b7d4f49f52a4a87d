package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.view.Points;
import java.util.List;

/**
 * A scatter plot ready to draw: point series over shared axes whose range covers every finite point
 * with a margin, so two series can be compared by eye.
 */
public record Scatter(String title, String xLabel, String yLabel, List<Series> series, double minX, double maxX,
        double minY, double maxY) {

    /** What a series is, which decides how it is drawn (the reference greyed, the model's points accented). */
    public enum Role { REFERENCE, DATA, MODEL }

    /** One named set of points. */
    public record Series(String name, Role role, Points points) {
    }

    public Scatter {
        series = List.copyOf(series);
    }

    /** The series with axes spanning all their finite points plus 5 % (a unit box when there are none). */
    public static Scatter of(String title, String xLabel, String yLabel, List<Series> series) {
        double lx = Double.POSITIVE_INFINITY;
        double hx = Double.NEGATIVE_INFINITY;
        double ly = Double.POSITIVE_INFINITY;
        double hy = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.points().count(); i++) {
                float x = s.points().x(i);
                float y = s.points().y(i);
                if (Float.isFinite(x) && Float.isFinite(y)) {
                    lx = Math.min(lx, x);
                    hx = Math.max(hx, x);
                    ly = Math.min(ly, y);
                    hy = Math.max(hy, y);
                }
            }
        }
        if (lx > hx) {
            return new Scatter(title, xLabel, yLabel, series, -1, 1, -1, 1);
        }
        double mx = Math.max(1e-6, (hx - lx) * 0.05);
        double my = Math.max(1e-6, (hy - ly) * 0.05);
        return new Scatter(title, xLabel, yLabel, series, lx - mx, hx + mx, ly - my, hy + my);
    }
}
