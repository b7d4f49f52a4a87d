package dev.tensorloom.canvas.state;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;

/**
 * Zoom and pan of a canvas: a canvas point p lands on the screen at {@code p * zoom + pan}. The zoom
 * stays between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}.
 */
public final class Viewport {
    /** The farthest out: a 5,000-block network still fits a screen. */
    public static final double MIN_ZOOM = 0.02;
    public static final double MAX_ZOOM = 4;
    /** Zoom factor of one Zoom in / Zoom out. */
    public static final double ZOOM_STEP = 1.2;

    private final DoubleProperty zoom;
    private final DoubleProperty panX;
    private final DoubleProperty panY;

    /** The properties name {@code bean} (the canvas control) as theirs. */
    public Viewport(Object bean) {
        zoom = new SimpleDoubleProperty(bean, "zoom", 1) {
            @Override
            public void set(double value) {
                // Wheel steps in and out again leave 1.0000000002: at exactly 1 the software renderer
                // copies cached views instead of filtering them, and text stays crisp.
                double snapped = Math.abs(value - 1) < 1e-6 ? 1 : value;
                super.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, snapped)));
            }
        };
        panX = new SimpleDoubleProperty(bean, "panX", 0);
        panY = new SimpleDoubleProperty(bean, "panY", 0);
    }

    /** Screen pixels per canvas unit. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Screen x of canvas x = 0. */
    public DoubleProperty panXProperty() {
        return panX;
    }

    /** Screen y of canvas y = 0. */
    public DoubleProperty panYProperty() {
        return panY;
    }

    /** Zooms by {@code factor} keeping the canvas point under {@code screenPoint} where it is. */
    public void zoomAround(Point2D screenPoint, double factor) {
        Point2D anchor = screenToCanvas(screenPoint);
        zoom.set(zoom.get() * factor);
        panX.set(screenPoint.getX() - anchor.getX() * zoom.get());
        panY.set(screenPoint.getY() - anchor.getY() * zoom.get());
    }

    /** Canvas coordinates of a screen point. */
    public Point2D screenToCanvas(Point2D screen) {
        return new Point2D((screen.getX() - panX.get()) / zoom.get(), (screen.getY() - panY.get()) / zoom.get());
    }

    /** Screen coordinates of a canvas point. */
    public Point2D canvasToScreen(Point2D canvas) {
        return new Point2D(canvas.getX() * zoom.get() + panX.get(), canvas.getY() * zoom.get() + panY.get());
    }
}
