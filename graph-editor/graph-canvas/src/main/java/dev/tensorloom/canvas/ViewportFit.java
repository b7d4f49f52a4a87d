package dev.tensorloom.canvas;

import javafx.geometry.Bounds;

/**
 * Zoom and pan that show a box of canvas space whole, centred, with a margin. Small graphs keep
 * legible text: they are never fitted below {@link #MIN_LEGIBLE_ZOOM}, and when they do not fit
 * at it their left edge (where the inputs are) is shown instead of the middle.
 */
final class ViewportFit {
    static final double MARGIN = 24;
    /** Titles (12 px) read about 7 px high here: still legible, unlike the overview below it. */
    static final double MIN_LEGIBLE_ZOOM = 0.6;
    /** Up to this many items, and no wider or taller than {@link #SMALL_SPAN}, a graph is read rather than surveyed. */
    static final int SMALL_GRAPH = 60;
    static final double SMALL_SPAN = 4000;

    private ViewportFit() {
    }

    static void fit(GraphCanvas canvas, Bounds box, int items) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (box == null || w <= 2 * MARGIN || h <= 2 * MARGIN) {
            return;
        }
        double whole = Math.min(1, Math.min((w - 2 * MARGIN) / Math.max(1, box.getWidth()),
                (h - 2 * MARGIN) / Math.max(1, box.getHeight())));
        boolean small = items <= SMALL_GRAPH && Math.max(box.getWidth(), box.getHeight()) <= SMALL_SPAN;
        double zoom = small ? Math.max(whole, MIN_LEGIBLE_ZOOM) : whole;
        canvas.setZoom(zoom);
        double z = canvas.getZoom();
        double panX = box.getWidth() * z <= w - 2 * MARGIN
                ? w / 2 - (box.getMinX() + box.getWidth() / 2) * z
                : MARGIN - box.getMinX() * z;
        double panY = box.getHeight() * z <= h - 2 * MARGIN
                ? h / 2 - (box.getMinY() + box.getHeight() / 2) * z
                : MARGIN - box.getMinY() * z;
        canvas.panXProperty().set(panX);
        canvas.panYProperty().set(panY);
    }
}
