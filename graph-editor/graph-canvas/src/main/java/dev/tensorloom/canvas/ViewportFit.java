package dev.tensorloom.canvas;

import javafx.geometry.Bounds;

/**
 * Zoom and pan that show a box of canvas space: whole, centred, with a margin, never zooming in past
 * 1:1 ({@link #fit}). A long strip (a deep network in one row) fitted whole is a thin band of unreadable
 * boxes, so a project just opened is shown with {@link #readable}: when fitting would shrink the text
 * below {@link #MIN_READABLE_ZOOM} and the box would fit across the short side at that zoom, the view
 * zooms to {@code MIN_READABLE_ZOOM} and shows the start of the strip (its left end, or top end for a
 * tall one), centred across it; the minimap shows the rest. A graph too big in both directions is
 * fitted whole either way: the overview of its structure is what can be shown. {@link #centre} brings one
 * item to the middle of the view (a problem the user jumped to).
 */
final class ViewportFit {
    static final double MARGIN = 24;
    /** Smallest zoom a fit picks for a strip: titles (12 px) still about 7 px, and node views shown. */
    static final double MIN_READABLE_ZOOM = 0.6;

    private ViewportFit() {
    }

    /** The whole box, as Zoom to fit promises. */
    static void fit(GraphCanvas canvas, Bounds box) {
        place(canvas, box, false);
    }

    /** The whole box, or the start of a long strip at a readable zoom. */
    static void readable(GraphCanvas canvas, Bounds box) {
        place(canvas, box, true);
    }

    /**
     * Pans so the box sits in the middle of the viewport, keeping the zoom unless text would be smaller than at
     * {@link #MIN_READABLE_ZOOM}: then it zooms to 1:1, or as close as lets the box fit.
     */
    static void centre(GraphCanvas canvas, Bounds box) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (box == null || w <= 2 * MARGIN || h <= 2 * MARGIN) {
            return;
        }
        if (canvas.getZoom() < MIN_READABLE_ZOOM) {
            double fits = Math.min((w - 2 * MARGIN) / Math.max(1, box.getWidth()),
                    (h - 2 * MARGIN) / Math.max(1, box.getHeight()));
            canvas.setZoom(Math.min(1, fits));
        }
        double z = canvas.getZoom();
        canvas.viewport().panXProperty().set(w / 2 - (box.getMinX() + box.getWidth() / 2) * z);
        canvas.viewport().panYProperty().set(h / 2 - (box.getMinY() + box.getHeight() / 2) * z);
    }

    private static void place(GraphCanvas canvas, Bounds box, boolean keepReadable) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (box == null || w <= 2 * MARGIN || h <= 2 * MARGIN) {
            return;
        }
        double across = (w - 2 * MARGIN) / Math.max(1, box.getWidth());
        double down = (h - 2 * MARGIN) / Math.max(1, box.getHeight());
        double whole = Math.min(1, Math.min(across, down));
        boolean shrinks = keepReadable && whole < MIN_READABLE_ZOOM;
        boolean wideStrip = shrinks && down >= MIN_READABLE_ZOOM;
        boolean tallStrip = shrinks && across >= MIN_READABLE_ZOOM;
        canvas.setZoom(wideStrip || tallStrip ? MIN_READABLE_ZOOM : whole);
        double z = canvas.getZoom();
        double centreX = w / 2 - (box.getMinX() + box.getWidth() / 2) * z;
        double centreY = h / 2 - (box.getMinY() + box.getHeight() / 2) * z;
        canvas.viewport().panXProperty().set(wideStrip ? MARGIN - box.getMinX() * z : centreX);
        canvas.viewport().panYProperty().set(tallStrip ? MARGIN - box.getMinY() * z : centreY);
    }
}
