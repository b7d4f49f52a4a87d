package dev.tensorloom.studio.activation;

import java.util.Comparator;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link Scatter} with axes, ticks, axis labels and a legend on a canvas: hundreds of points
 * redrawn several times a second, which a chart control's node per point would not do cheaply.
 */
final class ScatterCanvas extends Canvas {
    private static final double LEFT = 40;
    private static final double BOTTOM = 34;
    private static final double TOP = 8;
    private static final double RIGHT = 8;
    private static final double DOT = 3;
    private static final List<Scatter.Role> DRAW_ORDER = List.of(Scatter.Role.REFERENCE, Scatter.Role.MODEL,
            Scatter.Role.DATA);

    ScatterCanvas(double width, double height) {
        super(width, height);
        getStyleClass().add("scatter");
    }

    void paint(Scatter s) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (s == null) {
            return;
        }
        double w = getWidth() - LEFT - RIGHT;
        double h = getHeight() - TOP - BOTTOM;
        g.setFont(Font.font(10));
        g.setLineWidth(1);
        for (double t : AxisTicks.of(s.minX(), s.maxX(), 5)) {
            double x = LEFT + w * (t - s.minX()) / (s.maxX() - s.minX());
            g.setStroke(PlotColors.GRID);
            g.strokeLine(x, TOP, x, TOP + h);
            g.setFill(PlotColors.AXIS);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(AxisTicks.label(t), x, TOP + h + 3);
        }
        for (double t : AxisTicks.of(s.minY(), s.maxY(), 5)) {
            double y = TOP + h - h * (t - s.minY()) / (s.maxY() - s.minY());
            g.setStroke(PlotColors.GRID);
            g.strokeLine(LEFT, y, LEFT + w, y);
            g.setFill(PlotColors.AXIS);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(AxisTicks.label(t), LEFT - 4, y);
        }
        g.setStroke(PlotColors.AXIS);
        g.strokeRect(LEFT, TOP, w, h);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(s.xLabel(), LEFT + w / 2, getHeight() - 2);
        g.save();
        g.translate(10, TOP + h / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s.yLabel(), 0, 0);
        g.restore();
        // The reference lies underneath, the data on top, so samples never hide the points they should match.
        List<Scatter.Series> order = s.series().stream()
                .sorted(Comparator.comparingInt(x -> DRAW_ORDER.indexOf(x.role()))).toList();
        for (Scatter.Series series : order) {
            g.setFill(colour(series.role()));
            for (int i = 0; i < series.points().count(); i++) {
                double px = series.points().x(i);
                double py = series.points().y(i);
                if (Double.isFinite(px) && Double.isFinite(py)) {
                    double x = LEFT + w * (px - s.minX()) / (s.maxX() - s.minX());
                    double y = TOP + h - h * (py - s.minY()) / (s.maxY() - s.minY());
                    g.fillOval(x - DOT / 2, y - DOT / 2, DOT, DOT);
                }
            }
        }
        legend(g, s);
    }

    private void legend(GraphicsContext g, Scatter s) {
        double y = TOP + 6;
        double longest = s.series().stream().mapToDouble(x -> x.name().length()).max().orElse(0) * 5.6 + 22;
        double x = LEFT + (getWidth() - LEFT - RIGHT) - longest - 4;
        g.setFill(PlotColors.LABEL_BACKGROUND);
        g.fillRect(x - 4, y - 4, longest + 6, 14 * s.series().size() + 6);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Scatter.Series series : s.series()) {
            g.setFill(colour(series.role()).deriveColor(0, 1, 1, 1 / colour(series.role()).getOpacity()));
            g.fillOval(x, y + 3, 7, 7);
            g.setFill(PlotColors.AXIS);
            g.fillText(series.name(), x + 12, y + 7);
            y += 14;
        }
    }

    private static Color colour(Scatter.Role role) {
        return switch (role) {
            case REFERENCE -> PlotColors.REFERENCE;
            case DATA -> PlotColors.DATA;
            case MODEL -> PlotColors.MODEL;
        };
    }
}
