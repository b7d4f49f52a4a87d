package dev.tensorloom.canvas;

import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The graph as seen from far away: when zoomed out past the level where text is readable, node
 * boxes and straight wires are painted into one bitmap ({@link Canvas}) that lives in canvas space.
 * Pan then only moves that bitmap, and zoom scales it; it is repainted only when the view leaves
 * the painted area or the zoom drifts too far from the one it was painted at. While a zoom gesture
 * runs the bitmap is painted over a wider area and may drift further (a moment blurred rather
 * than frames that stall on repaints); once the zoom settles it is painted sharp. Colours come from
 * the stylesheet through three invisible probe shapes ({@code overview-nodes}, {@code
 * overview-selected}, {@code overview-wires}), so themes restyle the overview like everything else.
 */
final class OverviewLayer extends Group {
    /**
     * Below this zoom big graphs show the overview instead of node views: the level-of-detail
     * switch. At 0.5 a title is 6 px high, hardly readable, while a 1280×800 viewport already
     * holds about 150 views of a laid-out network; each costs about 0.6 ms of CSS and layout to
     * build, so zooming out further with views would mean hundreds of them per screen for text
     * nobody can read. The bitmap costs the same at any zoom.
     */
    static final double DETAIL_ZOOM = 0.5;
    /**
     * Graphs up to this many items always show their views: a fitted 40-block model stays a
     * picture of blocks and wires, and its views are few enough to be cheap at any zoom.
     */
    static final int SMALL_GRAPH = 80;
    /** Largest side of the bitmap in pixels; beyond it the bitmap is painted coarser and scaled up. */
    static final double MAX_PIXELS = 2560;
    /** Repaint when zoom and painted scale differ by more than this factor. */
    static final double REPAINT_RATIO = 1.6;
    /**
     * While zooming: repaint only when zoom and painted scale differ by more than this factor, and
     * paint this many viewport widths on each side, so a wheel gesture across a few octaves repaints
     * once or twice instead of at every {@link #REPAINT_RATIO} step.
     */
    static final double ZOOMING_REPAINT_RATIO = 4;
    static final double ZOOMING_MARGIN = 1.5;

    private final Canvas raster = new Canvas();
    private final Translate origin = new Translate();
    private final Scale unscale = new Scale();
    private final Rectangle nodeProbe = probe("overview-nodes");
    private final Rectangle selectedProbe = probe("overview-nodes", "overview-selected");
    private final Rectangle wireProbe = probe(CanvasStyles.WIRE, "overview-wires");
    private Bounds painted;
    private double paintedScale;
    private boolean dirty = true;
    private int paints;

    OverviewLayer() {
        raster.getTransforms().addAll(origin, unscale);
        getChildren().addAll(raster, nodeProbe, selectedProbe, wireProbe);
        setMouseTransparent(true);
        setAutoSizeChildren(false);
        // A theme switch restyles the probes; the bitmap must follow.
        nodeProbe.fillProperty().addListener(obs -> dirty = true);
        selectedProbe.strokeProperty().addListener(obs -> dirty = true);
        wireProbe.strokeProperty().addListener(obs -> dirty = true);
    }

    private static Rectangle probe(String... styleClasses) {
        Rectangle r = new Rectangle(0, 0);
        r.getStyleClass().addAll(styleClasses);
        r.setOpacity(0);
        r.setManaged(false);
        return r;
    }

    /** The graph changed (items, wires or selection): repaint on the next update. */
    void markDirty() {
        dirty = true;
    }

    /** How often the bitmap was painted (tests, benchmark). */
    int paints() {
        return paints;
    }

    /**
     * Makes the bitmap cover {@code visible} (canvas units) at about one bitmap pixel per screen
     * pixel, repainting only when needed; {@code zooming} while a zoom gesture runs.
     */
    void update(GraphViews views, Set<String> selection, Bounds visible, double zoom, boolean zooming) {
        Bounds content = views.contentBounds();
        Bounds graph = content == null ? null : new BoundingBox(content.getMinX() - 1, content.getMinY() - 1,
                content.getWidth() + 2, content.getHeight() + 2);
        Bounds needed = intersect(visible, graph);
        if (needed == null) {
            // No part of the graph on screen: nothing to paint, and the next view repaints.
            raster.setWidth(0);
            raster.setHeight(0);
            painted = null;
            return;
        }
        // Paint a viewport's half-width beyond each side, so a pan repaints every half screen at most,
        // but no further than the graph reaches: empty pixels cost as much to draw as full ones.
        Bounds rest = around(visible, 0.5, graph);
        Bounds area = zooming ? around(visible, ZOOMING_MARGIN, graph) : rest;
        double target = scaleFor(area, zoom);
        // Compared with the scale a settled view is painted at, so a bitmap painted coarse during a
        // gesture is repainted sharp when the zoom settles.
        double sharp = scaleFor(rest, zoom);
        double ratio = zooming ? ZOOMING_REPAINT_RATIO : REPAINT_RATIO;
        boolean scaleOff = paintedScale == 0 || Math.max(sharp / paintedScale, paintedScale / sharp) > ratio;
        if (dirty || scaleOff || painted == null || !painted.contains(needed)) {
            paint(views, selection, area, target);
            painted = area;
            dirty = false;
        }
    }

    /** {@code visible} grown by {@code margin} of its size on each side, within {@code graph}. */
    private static Bounds around(Bounds visible, double margin, Bounds graph) {
        return intersect(new BoundingBox(visible.getMinX() - visible.getWidth() * margin,
                visible.getMinY() - visible.getHeight() * margin, visible.getWidth() * (1 + 2 * margin),
                visible.getHeight() * (1 + 2 * margin)), graph);
    }

    /** About one bitmap pixel per screen pixel, but no more than {@link #MAX_PIXELS} a side. */
    private static double scaleFor(Bounds area, double zoom) {
        return Math.min(zoom, MAX_PIXELS / Math.max(1, Math.max(area.getWidth(), area.getHeight())));
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        if (a == null || b == null || !a.intersects(b)) {
            return null;
        }
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        return new BoundingBox(minX, minY, Math.min(a.getMaxX(), b.getMaxX()) - minX,
                Math.min(a.getMaxY(), b.getMaxY()) - minY);
    }

    private void paint(GraphViews views, Set<String> selection, Bounds area, double s) {
        paints++;
        paintedScale = s;
        origin.setX(area.getMinX());
        origin.setY(area.getMinY());
        unscale.setX(1 / s);
        unscale.setY(1 / s);
        raster.setWidth(Math.ceil(area.getWidth() * s));
        raster.setHeight(Math.ceil(area.getHeight() * s));
        GraphicsContext g = raster.getGraphicsContext2D();
        g.clearRect(0, 0, raster.getWidth(), raster.getHeight());
        double ox = area.getMinX();
        double oy = area.getMinY();
        g.setStroke(paint(wireProbe.getStroke(), Color.GRAY));
        g.setLineWidth(1);
        g.beginPath();
        views.forEachWireIn(area, (a, b) -> {
            g.moveTo((a.getX() - ox) * s, (a.getY() - oy) * s);
            g.lineTo((b.getX() - ox) * s, (b.getY() - oy) * s);
        });
        g.stroke();
        g.setFill(paint(nodeProbe.getFill(), Color.DARKGRAY));
        for (String id : views.itemsIn(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
            ItemShape shape = views.shape(id);
            g.fillRect((shape.x() - ox) * s, (shape.y() - oy) * s, Math.max(1, shape.width() * s),
                    Math.max(1, shape.height() * s));
        }
        g.setStroke(paint(selectedProbe.getStroke(), Color.DODGERBLUE));
        g.setLineWidth(2);
        for (String id : selection) {
            ItemShape shape = views.shape(id);
            if (shape != null) {
                g.strokeRect((shape.x() - ox) * s, (shape.y() - oy) * s, Math.max(2, shape.width() * s),
                        Math.max(2, shape.height() * s));
            }
        }
    }

    private static Paint paint(Paint styled, Paint fallback) {
        return styled == null ? fallback : styled;
    }
}
