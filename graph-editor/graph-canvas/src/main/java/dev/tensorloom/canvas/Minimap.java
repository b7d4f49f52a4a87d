package dev.tensorloom.canvas;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.ItemShape;
import java.util.Collection;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A small overview of the whole graph with the visible part outlined. The node boxes are painted
 * into one bitmap when the graph changes, so thousands of nodes cost one image per frame and pan
 * or zoom only move the outline. Click or drag to pan.
 *
 * <p>While the whole graph is in view the overview tells nothing and would only cover part of it, so
 * its frame is shown only when some of the graph lies outside the viewport. The canvas's
 * {@code minimapVisible} switch (the skin sets this region's visibility from it) turns it off for good.
 *
 * <p>The boxes are painted in this region's own CSS property {@code -tl-minimap-node-fill} (on
 * {@link CanvasStyles#MINIMAP_LAYER}); a theme switch that changes it repaints them.
 */
final class Minimap extends Region {
    static final double WIDTH = 200;
    static final double HEIGHT = 140;
    private static final double INSET = 6;
    /** Most of the canvas's width and height the minimap may take; a small canvas gets a smaller minimap. */
    static final double MAX_SHARE_WIDE = 0.25;
    static final double MAX_SHARE_HIGH = 0.35;
    /** The minimap never shrinks below this scale: smaller, its blocks and outline could not be told apart. */
    static final double MIN_SCALE = 0.5;
    /** Screen pixels the graph may reach past the viewport's edge and still count as in view (rounding). */
    static final double IN_VIEW_SLACK = 1;

    private static final StyleablePropertyFactory<Minimap> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    // The default only shows before the stylesheet applies.
    private static final CssMetaData<Minimap, Color> NODE_FILL =
            CSS.createColorCssMetaData("-tl-minimap-node-fill", m -> m.nodeFill, Color.GRAY, false);

    private final GraphCanvas canvas;
    /** Folded away by its handle ({@link MinimapToggle}): the frame stays hidden until opened again. */
    private final BooleanProperty collapsed = new SimpleBooleanProperty(this, "collapsed", false);
    /** Whether some of the graph lies outside the viewport, so the overview has something to show. */
    private final ReadOnlyBooleanWrapper useful = new ReadOnlyBooleanWrapper(this, "useful", false);
    /** Holds the styled box and everything drawn in it; hidden while the whole graph is in view. */
    private final Pane frame = new Pane();
    /** A drag on the overview keeps it shown even when the pan brings the whole graph into view. */
    private boolean dragging;
    private final Canvas boxes = new Canvas(WIDTH, HEIGHT);
    private final StyleableObjectProperty<Color> nodeFill =
            new SimpleStyleableObjectProperty<>(NODE_FILL, this, "nodeFill", Color.GRAY);
    private Collection<ItemShape> lastItems = List.of();
    private final Rectangle viewport = new Rectangle();
    private Bounds content;
    private double scale = 1;
    private double offsetX;
    private double offsetY;

    Minimap(GraphCanvas canvas) {
        this.canvas = canvas;
        getStyleClass().add(CanvasStyles.MINIMAP_LAYER);
        frame.getStyleClass().add(CanvasStyles.MINIMAP);
        nodeFill.addListener(obs -> redraw(lastItems));
        viewport.getStyleClass().add(CanvasStyles.MINIMAP_VIEWPORT);
        boxes.setManaged(false);
        viewport.setManaged(false);
        frame.getChildren().addAll(boxes, viewport);
        frame.setManaged(false);
        frame.resize(WIDTH, HEIGHT);
        getChildren().add(frame);
        setClip(new Rectangle(WIDTH, HEIGHT));
        resize(WIDTH, HEIGHT);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragging = true;
            panTo(e);
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::panTo);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            dragging = false;
            showWhenUseful();
            e.consume();
        });
        collapsed.addListener(obs -> showWhenUseful());
        showWhenUseful();
    }

    /** The CSS properties of this class: those of a {@link Region} and {@code -tl-minimap-node-fill}. */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** Fill of the boxes in the bitmap ({@code -tl-minimap-node-fill}). */
    StyleableObjectProperty<Color> nodeFillProperty() {
        return nodeFill;
    }

    /** Whether the user folded the overview away with its handle. */
    BooleanProperty collapsedProperty() {
        return collapsed;
    }

    /** Whether some of the graph lies outside the viewport (the overview would tell something). */
    ReadOnlyBooleanProperty usefulProperty() {
        return useful.getReadOnlyProperty();
    }

    /**
     * The scale the minimap is drawn at in a canvas of this size: full size (200 × 140) in a roomy
     * canvas, down to half in a small one, so it never covers more than a quarter of the width or
     * a third of the height (at 1280 × 800 the canvas is about 600 × 280 pixels).
     */
    static double scaleFor(double canvasWidth, double canvasHeight) {
        double fit = Math.min(canvasWidth * MAX_SHARE_WIDE / WIDTH, canvasHeight * MAX_SHARE_HIGH / HEIGHT);
        return Math.max(MIN_SCALE, Math.min(1, fit));
    }

    /** Whether the overview shows: switched on, not folded away, and some of the graph lies outside the viewport. */
    boolean isShown() {
        return isVisible() && frame.isVisible();
    }

    private void showWhenUseful() {
        useful.set(dragging || (content != null && !inView(content)));
        boolean shown = useful.get() && !collapsed.get();
        frame.setVisible(shown);
        // With the frame hidden nothing here may catch clicks meant for the blocks under it.
        setMouseTransparent(!shown);
    }

    /** Whether a box of canvas space lies wholly inside the viewport. */
    private boolean inView(Bounds box) {
        Point2D topLeft = canvas.canvasToScreen(new Point2D(box.getMinX(), box.getMinY()));
        Point2D bottomRight = canvas.canvasToScreen(new Point2D(box.getMaxX(), box.getMaxY()));
        return topLeft.getX() >= -IN_VIEW_SLACK && topLeft.getY() >= -IN_VIEW_SLACK
                && bottomRight.getX() <= canvas.getWidth() + IN_VIEW_SLACK
                && bottomRight.getY() <= canvas.getHeight() + IN_VIEW_SLACK;
    }

    /**
     * Repaints the node boxes from the items' stored places (after the document changed) into a
     * bitmap: pan and zoom then only move the viewport outline over it.
     */
    void redraw(Collection<ItemShape> items) {
        lastItems = items;
        GraphicsContext g = boxes.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        content = bounds(items);
        if (content == null) {
            updateViewport();
            return;
        }
        scale = Math.min((WIDTH - 2 * INSET) / Math.max(1, content.getWidth()),
                (HEIGHT - 2 * INSET) / Math.max(1, content.getHeight()));
        offsetX = INSET - content.getMinX() * scale + (WIDTH - 2 * INSET - content.getWidth() * scale) / 2;
        offsetY = INSET - content.getMinY() * scale + (HEIGHT - 2 * INSET - content.getHeight() * scale) / 2;
        g.setFill(nodeFill.get() == null ? Color.TRANSPARENT : nodeFill.get());
        for (ItemShape v : items) {
            g.fillRect(v.x() * scale + offsetX, v.y() * scale + offsetY, Math.max(1, v.width() * scale),
                    Math.max(1, v.height() * scale));
        }
        updateViewport();
    }

    private static Bounds bounds(Collection<ItemShape> items) {
        if (items.isEmpty()) {
            return null;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (ItemShape v : items) {
            minX = Math.min(minX, v.x());
            minY = Math.min(minY, v.y());
            maxX = Math.max(maxX, v.x() + v.width());
            maxY = Math.max(maxY, v.y() + v.height());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** Moves the outline of the visible area (after a pan or zoom). */
    void updateViewport() {
        Point2D topLeft = canvas.screenToCanvas(Point2D.ZERO);
        Point2D bottomRight = canvas.screenToCanvas(new Point2D(canvas.getWidth(), canvas.getHeight()));
        viewport.setX(topLeft.getX() * scale + offsetX);
        viewport.setY(topLeft.getY() * scale + offsetY);
        viewport.setWidth((bottomRight.getX() - topLeft.getX()) * scale);
        viewport.setHeight((bottomRight.getY() - topLeft.getY()) * scale);
        showWhenUseful();
    }

    /** Centres the canvas on the point clicked in the overview. */
    private void panTo(MouseEvent e) {
        if (content != null) {
            double cx = (e.getX() - offsetX) / scale;
            double cy = (e.getY() - offsetY) / scale;
            double z = canvas.getZoom();
            canvas.viewport().panXProperty().set(canvas.getWidth() / 2 - cx * z);
            canvas.viewport().panYProperty().set(canvas.getHeight() / 2 - cy * z);
        }
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        // Children are placed in redraw; nothing to lay out.
    }
}
