package dev.tensorloom.canvas;

import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.DocumentListener;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Dimension2D;
import javafx.scene.Group;
import javafx.scene.control.SkinBase;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Draws a {@link GraphCanvas}: a world group (wires under nodes) moved by one translate and one
 * scale transform, so pan and zoom change two transforms and nothing else; a screen-space overlay
 * for the rubber band; and the minimap in the bottom-right corner.
 */
final class GraphCanvasSkin extends SkinBase<GraphCanvas> {
    static final double MINIMAP_MARGIN = 12;
    /** Screen pixels beyond the visible area whose views stay in the scene, so small pans add few views. */
    static final double CULL_MARGIN = 120;

    private final GraphViews views;
    private final CanvasGestures gestures;
    private final Minimap minimap;
    private final Group world = new Group();
    private final Translate pan = new Translate();
    private final Scale scale = new Scale();
    private final Rectangle clip = new Rectangle();
    private final DocumentListener documentListener;
    private final SetChangeListener<String> selectionListener;
    private final ChangeListener<Map<String, NodeAnnotation>> annotationListener;
    private final ChangeListener<Map<String, String>> stateListener;
    private final InvalidationListener viewportListener;
    private final InvalidationListener minimapVisibility;
    private final OverviewLayer overview = new OverviewLayer();
    private boolean minimapDirty = true;
    private boolean overviewDirty = true;

    GraphCanvasSkin(GraphCanvas canvas) {
        super(canvas);
        views = new GraphViews(canvas);
        gestures = new CanvasGestures(canvas, views);
        minimap = new Minimap(canvas);
        views.buildAll();

        world.setManaged(false);
        world.setAutoSizeChildren(false);
        world.getTransforms().addAll(pan, scale);
        world.getChildren().addAll(overview, views.wireLayer, views.nodeLayer, gestures.draft());
        minimap.setManaged(false);
        getChildren().addAll(world, gestures.band(), minimap);
        canvas.setClip(clip);

        pan.xProperty().bind(canvas.panXProperty());
        pan.yProperty().bind(canvas.panYProperty());
        scale.xProperty().bind(canvas.zoomProperty());
        scale.yProperty().bind(canvas.zoomProperty());

        documentListener = this::documentChanged;
        canvas.document().addListener(documentListener);
        selectionListener = c -> {
            if (c.wasAdded()) {
                views.selectionChanged(c.getElementAdded(), true);
            }
            if (c.wasRemoved()) {
                views.selectionChanged(c.getElementRemoved(), false);
            }
            overviewDirty = true;
            canvas.requestLayout();
        };
        canvas.selection().addListener(selectionListener);
        annotationListener = (obs, before, after) -> views.annotationsChanged(before, after);
        canvas.nodeAnnotationsProperty().addListener(annotationListener);
        stateListener = (obs, before, after) -> views.statesChanged(after);
        canvas.nodeStatesProperty().addListener(stateListener);
        // Pan and zoom only move two transforms; the layout pass after them re-culls the views.
        viewportListener = obs -> canvas.requestLayout();
        canvas.panXProperty().addListener(viewportListener);
        canvas.panYProperty().addListener(viewportListener);
        canvas.zoomProperty().addListener(viewportListener);
        minimapVisibility = obs -> minimap.setVisible(canvas.minimapVisibleProperty().get());
        canvas.minimapVisibleProperty().addListener(minimapVisibility);
        minimap.setVisible(canvas.minimapVisibleProperty().get());
        gestures.install();
    }

    private void documentChanged(DocumentChange change) {
        views.apply(change);
        // The overview is redrawn once per layout pass, however many changes a command made.
        minimapDirty = true;
        overviewDirty = true;
        getSkinnable().requestLayout();
    }

    GraphViews views() {
        return views;
    }

    CanvasGestures gestures() {
        return gestures;
    }

    Minimap minimap() {
        return minimap;
    }

    /** Sizes of the actual views, falling back to estimates for items without one. */
    NodeGeometry geometry() {
        GraphCanvas canvas = getSkinnable();
        EstimatedGeometry estimate = new EstimatedGeometry(canvas.document(), canvas.catalog());
        return new NodeGeometry() {
            @Override
            public Dimension2D size(String itemId) {
                NodeView v = views.item(itemId);
                return v == null ? estimate.size(itemId) : new Dimension2D(v.getWidth(), v.getHeight());
            }

            @Override
            public double x(String itemId) {
                NodeView v = views.item(itemId);
                return v == null ? estimate.x(itemId) : v.getLayoutX();
            }

            @Override
            public double y(String itemId) {
                NodeView v = views.item(itemId);
                return v == null ? estimate.y(itemId) : v.getLayoutY();
            }
        };
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        GraphCanvas canvas = getSkinnable();
        clip.setWidth(canvas.getWidth());
        clip.setHeight(canvas.getHeight());
        minimap.relocate(canvas.getWidth() - Minimap.WIDTH - MINIMAP_MARGIN,
                canvas.getHeight() - Minimap.HEIGHT - MINIMAP_MARGIN);
        double zoom = canvas.getZoom();
        boolean detailed = zoom >= OverviewLayer.DETAIL_ZOOM;
        double margin = CULL_MARGIN / zoom;
        javafx.geometry.Point2D topLeft = canvas.screenToCanvas(javafx.geometry.Point2D.ZERO);
        views.cull(new javafx.geometry.BoundingBox(topLeft.getX() - margin, topLeft.getY() - margin,
                canvas.getWidth() / zoom + 2 * margin, canvas.getHeight() / zoom + 2 * margin), detailed);
        overview.setVisible(!detailed);
        if (!detailed) {
            if (overviewDirty) {
                overview.redraw(views.itemViews(), views.wireViews(), canvas.selection());
                overviewDirty = false;
            }
            overview.setZoom(zoom);
        }
        if (minimapDirty && minimap.isVisible()) {
            minimap.redraw(views.itemViews(), geometry());
            minimapDirty = false;
        } else {
            minimap.updateViewport();
        }
    }

    // The world can hold thousands of nodes; measuring it for a preferred size would cost a full pass.
    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 600;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 100;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 100;
    }

    @Override
    public void dispose() {
        GraphCanvas canvas = getSkinnable();
        if (canvas == null) {
            return;
        }
        canvas.document().removeListener(documentListener);
        canvas.selection().removeListener(selectionListener);
        canvas.nodeAnnotationsProperty().removeListener(annotationListener);
        canvas.nodeStatesProperty().removeListener(stateListener);
        canvas.panXProperty().removeListener(viewportListener);
        canvas.panYProperty().removeListener(viewportListener);
        canvas.zoomProperty().removeListener(viewportListener);
        canvas.minimapVisibleProperty().removeListener(minimapVisibility);
        pan.xProperty().unbind();
        pan.yProperty().unbind();
        scale.xProperty().unbind();
        scale.yProperty().unbind();
        canvas.setClip(null);
        super.dispose();
    }
}
