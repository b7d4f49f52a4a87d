package dev.tensorloom.canvas;

import javafx.geometry.Bounds;

/** Zoom and pan that show a box of canvas space whole, centred, with a margin, never zooming in past 1:1. */
final class ViewportFit {
    static final double MARGIN = 24;

    private ViewportFit() {
    }

    static void fit(GraphCanvas canvas, Bounds box) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (box == null || w <= 2 * MARGIN || h <= 2 * MARGIN) {
            return;
        }
        double zoom = Math.min(1, Math.min((w - 2 * MARGIN) / Math.max(1, box.getWidth()),
                (h - 2 * MARGIN) / Math.max(1, box.getHeight())));
        canvas.setZoom(zoom);
        double z = canvas.getZoom();
        canvas.panXProperty().set(w / 2 - (box.getMinX() + box.getWidth() / 2) * z);
        canvas.panYProperty().set(h / 2 - (box.getMinY() + box.getHeight() / 2) * z);
    }
}
