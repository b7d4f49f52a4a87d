package dev.tensorloom.studio.activation;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Draws a {@link Histogram} as bars on a canvas: it redraws up to 20 times a second while training, which
 * a chart control with a category axis cannot do cheaply. Bar and text colours are data-display colours
 * set from the view (muted text, accent bars), not from CSS.
 */
final class HistogramCanvas extends Canvas {
    private static final double AXIS = 16;
    private Color bars = Color.web("#0969da");
    private Color text = Color.web("#57606a");

    HistogramCanvas(double width, double height) {
        super(width, height);
        getStyleClass().add("histogram");
    }

    void paint(Histogram h) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (h == null) {
            return;
        }
        long most = 1;
        for (long c : h.counts()) {
            most = Math.max(most, c);
        }
        double plotHeight = getHeight() - AXIS;
        double width = getWidth() / h.counts().length;
        g.setFill(bars);
        for (int b = 0; b < h.counts().length; b++) {
            double height = plotHeight * h.counts()[b] / most;
            g.fillRect(b * width, plotHeight - height, Math.max(1, width - 1), height);
        }
        g.setFill(text);
        g.setFont(Font.font(11));
        g.fillText(String.format("%.3g", h.min()), 0, getHeight() - 3);
        String max = String.format("%.3g", h.max());
        g.fillText(max, getWidth() - 7 * max.length(), getHeight() - 3);
        g.fillText("max count " + most, getWidth() / 2 - 30, getHeight() - 3);
    }
}
