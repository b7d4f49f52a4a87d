package dev.tensorloom.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.VLineTo;

/**
 * A small overview of the whole graph with the visible part outlined. Every node box is one
 * subpath of a single {@link Path}, so thousands of nodes cost one shape. Click or drag to pan.
 */
final class Minimap extends Region {
    static final double WIDTH = 200;
    static final double HEIGHT = 140;
    private static final double INSET = 6;

    private final GraphCanvas canvas;
    private final Path boxes = new Path();
    private final Rectangle viewport = new Rectangle();
    private Bounds content;
    private double scale = 1;
    private double offsetX;
    private double offsetY;

    Minimap(GraphCanvas canvas) {
        this.canvas = canvas;
        getStyleClass().add(CanvasStyles.MINIMAP);
        boxes.getStyleClass().add(CanvasStyles.MINIMAP_NODES);
        viewport.getStyleClass().add(CanvasStyles.MINIMAP_VIEWPORT);
        boxes.setManaged(false);
        // Only the viewport outline moves on pan and zoom; the boxes are drawn once into a bitmap.
        boxes.setCache(true);
        viewport.setManaged(false);
        getChildren().addAll(boxes, viewport);
        setClip(new Rectangle(WIDTH, HEIGHT));
        resize(WIDTH, HEIGHT);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::panTo);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::panTo);
        addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
    }

    /** Redraws the node boxes from the items' stored places (after the document changed). */
    void redraw(Collection<ItemShape> items) {
        content = bounds(items);
        if (content == null) {
            boxes.getElements().clear();
            updateViewport();
            return;
        }
        scale = Math.min((WIDTH - 2 * INSET) / Math.max(1, content.getWidth()),
                (HEIGHT - 2 * INSET) / Math.max(1, content.getHeight()));
        offsetX = INSET - content.getMinX() * scale + (WIDTH - 2 * INSET - content.getWidth() * scale) / 2;
        offsetY = INSET - content.getMinY() * scale + (HEIGHT - 2 * INSET - content.getHeight() * scale) / 2;
        List<PathElement> elements = new ArrayList<>(items.size() * 5);
        for (ItemShape v : items) {
            double x = v.x() * scale + offsetX;
            double y = v.y() * scale + offsetY;
            double w = Math.max(1, v.width() * scale);
            double h = Math.max(1, v.height() * scale);
            elements.add(new MoveTo(x, y));
            elements.add(new HLineTo(x + w));
            elements.add(new VLineTo(y + h));
            elements.add(new HLineTo(x));
            elements.add(new ClosePath());
        }
        boxes.getElements().setAll(elements);
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
    }

    /** Centres the canvas on the point clicked in the overview. */
    private void panTo(MouseEvent e) {
        if (content != null) {
            double cx = (e.getX() - offsetX) / scale;
            double cy = (e.getY() - offsetY) / scale;
            double z = canvas.getZoom();
            canvas.panXProperty().set(canvas.getWidth() / 2 - cx * z);
            canvas.panYProperty().set(canvas.getHeight() / 2 - cy * z);
        }
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        // Children are placed in redraw; nothing to lay out.
    }
}
