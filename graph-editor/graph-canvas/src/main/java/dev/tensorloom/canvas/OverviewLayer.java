package dev.tensorloom.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.VLineTo;

/**
 * The graph as seen from far away: when zoomed out past the level where text is readable, every
 * node box is one subpath of one {@link Path} and every wire a straight segment of another, so a
 * fitted 5,000-node graph renders as three shapes instead of tens of thousands of nodes.
 */
final class OverviewLayer extends Group {
    /** Below this zoom the canvas shows the overview instead of node views. */
    static final double DETAIL_ZOOM = 0.35;

    private final Path wires = new Path();
    private final Path boxes = new Path();
    private final Path selected = new Path();

    OverviewLayer() {
        wires.getStyleClass().addAll(CanvasStyles.WIRE, "overview-wires");
        boxes.getStyleClass().add("overview-nodes");
        selected.getStyleClass().addAll("overview-nodes", "overview-selected");
        getChildren().addAll(wires, boxes, selected);
        setMouseTransparent(true);
        setAutoSizeChildren(false);
    }

    /** Redraws from the item and wire views (their positions are the document's, or the dragged ones). */
    void redraw(Collection<NodeView> items, Collection<WireView> wireViews, Set<String> selection) {
        List<PathElement> box = new ArrayList<>(items.size() * 5);
        List<PathElement> sel = new ArrayList<>();
        for (NodeView v : items) {
            addBox(selection.contains(v.itemId()) ? sel : box, v);
        }
        List<PathElement> lines = new ArrayList<>(wireViews.size() * 2);
        for (WireView w : wireViews) {
            if (w.isVisible()) {
                lines.add(new MoveTo(w.getStartX(), w.getStartY()));
                lines.add(new LineTo(w.getEndX(), w.getEndY()));
            }
        }
        boxes.getElements().setAll(box);
        selected.getElements().setAll(sel);
        wires.getElements().setAll(lines);
    }

    /** Keeps lines about one screen pixel wide whatever the zoom. */
    void setZoom(double zoom) {
        wires.setStrokeWidth(1 / zoom);
        selected.setStrokeWidth(2 / zoom);
    }

    private static void addBox(List<PathElement> into, NodeView v) {
        Point2D p = new Point2D(v.getLayoutX(), v.getLayoutY());
        into.add(new MoveTo(p.getX(), p.getY()));
        into.add(new HLineTo(p.getX() + v.getWidth()));
        into.add(new VLineTo(p.getY() + v.getHeight()));
        into.add(new HLineTo(p.getX()));
        into.add(new ClosePath());
    }
}
