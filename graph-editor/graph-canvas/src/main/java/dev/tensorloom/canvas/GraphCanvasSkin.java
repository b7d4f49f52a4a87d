package dev.tensorloom.canvas;

import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.EstimatedGeometry;
import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.canvas.view.NodeGeometry;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.DocumentListener;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.SkinBase;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * Draws a {@link GraphCanvas}: a world group (wires under nodes) moved by one translate and one
 * scale transform, so pan and zoom change two transforms; the layout pass after them culls only
 * when the view leaves the area culled last time. Under the world, in screen space, the overview
 * bitmap of far-out zoom levels; over it a screen-space overlay holds the rubber band, and the
 * minimap sits in the bottom-right corner with its fold-away handle.
 */
final class GraphCanvasSkin extends SkinBase<GraphCanvas> {
    static final double MINIMAP_MARGIN = 12;
    /** Screen pixels beyond the visible area whose views stay in the scene, so small pans add few views. */
    static final double CULL_MARGIN = 120;
    /** Quiet time after the last zoom step before views are rendered sharp at the new scale. */
    static final Duration ZOOM_SETTLE = Duration.millis(200);

    private final GraphViews views;
    private final CanvasGestures gestures;
    private final WirePicker wirePicker;
    private final ViewPrebuilder prebuilder;
    private final Minimap minimap;
    private final MinimapToggle minimapToggle;
    private final Group world = new Group();
    private final Translate pan = new Translate();
    private final Scale scale = new Scale();
    private final Scale minimapScale = new Scale();
    private final Rectangle clip = new Rectangle();
    private final DocumentListener documentListener;
    private final SetChangeListener<String> selectionListener;
    private final ChangeListener<Map<String, NodeAnnotation>> annotationListener;
    private final ChangeListener<Map<String, String>> stateListener;
    private final ChangeListener<java.util.Set<dev.tensorloom.model.doc.PortRef>> problemInputsListener;
    private final InvalidationListener markListener;
    private final InvalidationListener wireSelectionListener;
    private final MessageBubble bubble = new MessageBubble();
    private final ChangeListener<CanvasMessage> messageListener;
    private final InvalidationListener viewportListener;
    private final InvalidationListener minimapVisibility;
    private final OverviewLayer overview = new OverviewLayer();
    /** Restarted by every zoom step; when it runs out the zoom has settled and views render sharp. */
    private final PauseTransition zoomSettle = new PauseTransition(ZOOM_SETTLE);
    private final InvalidationListener zoomListener;
    private final ChangeListener<String> scopeListener;
    private boolean minimapDirty = true;

    GraphCanvasSkin(GraphCanvas canvas) {
        super(canvas);
        views = new GraphViews(canvas.document(), canvas.catalog(),
                new CanvasDecorations(canvas.document(), canvas.marks(), canvas.selectionState()));
        wirePicker = new WirePicker(canvas, views, overview::isVisible);
        gestures = new CanvasGestures(canvas, views, wirePicker);
        minimap = new Minimap(canvas);
        minimapToggle = new MinimapToggle(minimap);
        prebuilder = new ViewPrebuilder(canvas, views, gestures::running);
        views.buildAll();

        world.setManaged(false);
        world.setAutoSizeChildren(false);
        world.getTransforms().addAll(pan, scale);
        world.getChildren().addAll(views.wireLayer(), views.nodeLayer(), gestures.draft());
        minimap.setManaged(false);
        minimap.getTransforms().add(minimapScale);
        getChildren().addAll(overview, world, gestures.band(), minimap, minimapToggle, bubble);
        canvas.setClip(clip);

        pan.xProperty().bind(canvas.viewport().panXProperty());
        pan.yProperty().bind(canvas.viewport().panYProperty());
        scale.xProperty().bind(canvas.viewport().zoomProperty());
        scale.yProperty().bind(canvas.viewport().zoomProperty());

        documentListener = this::documentChanged;
        canvas.document().addListener(documentListener);
        // Opening a group (or going back up) shows another level: every item is recorded again, then fitted.
        scopeListener = (obs, before, after) -> {
            views.rescope(after);
            prebuilder.changed();
            minimapDirty = true;
            overview.markDirty();
            canvas.requestLayout();
            javafx.application.Platform.runLater(canvas::zoomToFit);
        };
        canvas.scopeProperty().addListener(scopeListener);
        if (canvas.getScope() != null) {
            views.rescope(canvas.getScope());
        }
        selectionListener = c -> {
            if (c.wasAdded()) {
                views.selectionChanged(c.getElementAdded(), true);
            }
            if (c.wasRemoved()) {
                views.selectionChanged(c.getElementRemoved(), false);
            }
            overview.markDirty();
            canvas.requestLayout();
        };
        canvas.selection().addListener(selectionListener);
        annotationListener = (obs, before, after) -> views.annotationsChanged(before, after);
        canvas.marks().annotationsProperty().addListener(annotationListener);
        stateListener = (obs, before, after) -> views.statesChanged(after);
        canvas.marks().statesProperty().addListener(stateListener);
        problemInputsListener = (obs, before, after) -> views.wireMarksChanged();
        canvas.marks().problemInputsProperty().addListener(problemInputsListener);
        wireSelectionListener = obs -> {
            views.wireMarksChanged();
            overview.repaint();
        };
        canvas.selectedWireProperty().addListener(wireSelectionListener);
        messageListener = (obs, before, after) -> showMessage(after);
        canvas.messageProperty().addListener(messageListener);
        markListener = obs -> views.marksChanged();
        canvas.marks().markedProperty().addListener(markListener);
        // Pan and zoom only move two transforms; the layout pass after them re-culls the views.
        viewportListener = obs -> {
            prebuilder.changed();
            canvas.requestLayout();
        };
        canvas.viewport().panXProperty().addListener(viewportListener);
        canvas.viewport().panYProperty().addListener(viewportListener);
        canvas.viewport().zoomProperty().addListener(viewportListener);
        zoomSettle.setOnFinished(e -> settleZoom());
        zoomListener = obs -> {
            views.setZooming(true);
            zoomSettle.playFromStart();
        };
        canvas.viewport().zoomProperty().addListener(zoomListener);
        minimapVisibility = obs -> minimap.setVisible(canvas.minimapVisibleProperty().get());
        canvas.minimapVisibleProperty().addListener(minimapVisibility);
        minimap.setVisible(canvas.minimapVisibleProperty().get());
        gestures.install();
        prebuilder.changed();
    }

    /**
     * What happens when a zoom gesture has been still for {@link #ZOOM_SETTLE}: the pan moves to
     * whole screen pixels (less than half a pixel, invisible), so cached views are drawn on the pixel
     * grid, crisp and copied rather than filtered, and shown views turn sharp over the next passes.
     */
    void settleZoom() {
        GraphCanvas canvas = getSkinnable();
        canvas.viewport().panXProperty().set(Math.rint(canvas.viewport().panXProperty().get()));
        canvas.viewport().panYProperty().set(Math.rint(canvas.viewport().panYProperty().get()));
        views.setZooming(false);
        canvas.requestLayout();
    }

    private void showMessage(CanvasMessage message) {
        if (message == null) {
            bubble.dismiss();
        } else {
            GraphCanvas canvas = getSkinnable();
            bubble.show(message, MessageBubble.portBounds(canvas, views, message.port()), canvas.getWidth(),
                    canvas.getHeight());
        }
    }

    /** The message box over the canvas (tests). */
    MessageBubble bubble() {
        return bubble;
    }

    private void documentChanged(DocumentChange change) {
        // An edit makes the last refusal stale.
        bubble.dismiss();
        views.apply(change);
        prebuilder.changed();
        // The overview is redrawn once per layout pass, however many changes a command made.
        minimapDirty = true;
        overview.markDirty();
        getSkinnable().requestLayout();
    }

    GraphViews views() {
        return views;
    }

    CanvasGestures gestures() {
        return gestures;
    }

    WirePicker wirePicker() {
        return wirePicker;
    }

    ViewPrebuilder prebuilder() {
        return prebuilder;
    }

    OverviewLayer overview() {
        return overview;
    }

    Minimap minimap() {
        return minimap;
    }

    MinimapToggle minimapToggle() {
        return minimapToggle;
    }

    /** Sizes and stored places of the shown items, falling back to estimates for anything else. */
    NodeGeometry geometry() {
        GraphCanvas canvas = getSkinnable();
        EstimatedGeometry estimate = new EstimatedGeometry(canvas.document(), canvas.catalog());
        return new NodeGeometry() {
            @Override
            public Dimension2D size(String itemId) {
                ItemShape s = views.shape(itemId);
                return s == null ? estimate.size(itemId) : new Dimension2D(s.width(), s.height());
            }

            @Override
            public double x(String itemId) {
                ItemShape s = views.shape(itemId);
                return s == null ? estimate.x(itemId) : s.x();
            }

            @Override
            public double y(String itemId) {
                ItemShape s = views.shape(itemId);
                return s == null ? estimate.y(itemId) : s.y();
            }
        };
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        GraphCanvas canvas = getSkinnable();
        clip.setWidth(canvas.getWidth());
        clip.setHeight(canvas.getHeight());
        double small = Minimap.scaleFor(canvas.getWidth(), canvas.getHeight());
        minimapScale.setX(small);
        minimapScale.setY(small);
        minimapToggle.place(canvas.getWidth(), canvas.getHeight(), MINIMAP_MARGIN);
        minimap.relocate(canvas.getWidth() - Minimap.WIDTH * small - MINIMAP_MARGIN,
                canvas.getHeight() - Minimap.HEIGHT * small - MINIMAP_MARGIN);
        double zoom = canvas.getZoom();
        boolean detailed = zoom >= OverviewLayer.DETAIL_ZOOM || views.itemIds().size() <= OverviewLayer.SMALL_GRAPH;
        Point2D topLeft = canvas.screenToCanvas(Point2D.ZERO);
        Bounds visible = new BoundingBox(topLeft.getX(), topLeft.getY(), canvas.getWidth() / zoom,
                canvas.getHeight() / zoom);
        // Most pan frames stay inside the margin culled last time and cost nothing here.
        if (views.needsCull(visible, detailed)) {
            double margin = CULL_MARGIN / zoom;
            boolean complete = views.cull(new BoundingBox(visible.getMinX() - margin, visible.getMinY() - margin,
                    visible.getWidth() + 2 * margin, visible.getHeight() + 2 * margin), detailed);
            if (!complete) {
                // The rest of the views are built on the next pulses.
                Platform.runLater(canvas::requestLayout);
            }
        }
        if (!views.isZooming() && views.sharpening() && views.sharpen()) {
            // The rest turn sharp on the next pulses.
            Platform.runLater(canvas::requestLayout);
        }
        // While views are still being built (zooming in from the overview uncovers a screenful at
        // once), the overview stays under them, so blocks never blink out.
        boolean sketch = !detailed || !views.cullComplete();
        overview.setVisible(sketch);
        if (sketch) {
            overview.update(views, canvas.selection(), canvas.selectedWireProperty().get(),
                    canvas.viewport().panXProperty().get(), canvas.viewport().panYProperty().get(), zoom,
                    canvas.getWidth(), canvas.getHeight(), outputScale(canvas));
        }
        if (minimapDirty && minimap.isVisible()) {
            minimap.redraw(views.shapes());
            minimapDirty = false;
        } else {
            minimap.updateViewport();
        }
    }

    /** Device pixels per logical pixel of the window the canvas is in (1 before it is shown). */
    private static double outputScale(GraphCanvas canvas) {
        javafx.scene.Scene scene = canvas.getScene();
        javafx.stage.Window window = scene == null ? null : scene.getWindow();
        return window == null ? 1 : Math.max(1, window.getRenderScaleX());
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
        canvas.scopeProperty().removeListener(scopeListener);
        canvas.selection().removeListener(selectionListener);
        canvas.marks().annotationsProperty().removeListener(annotationListener);
        canvas.marks().statesProperty().removeListener(stateListener);
        canvas.marks().problemInputsProperty().removeListener(problemInputsListener);
        canvas.selectedWireProperty().removeListener(wireSelectionListener);
        canvas.messageProperty().removeListener(messageListener);
        bubble.dismiss();
        canvas.marks().markedProperty().removeListener(markListener);
        canvas.viewport().panXProperty().removeListener(viewportListener);
        canvas.viewport().panYProperty().removeListener(viewportListener);
        canvas.viewport().zoomProperty().removeListener(viewportListener);
        canvas.viewport().zoomProperty().removeListener(zoomListener);
        zoomSettle.stop();
        prebuilder.stop();
        canvas.minimapVisibleProperty().removeListener(minimapVisibility);
        pan.xProperty().unbind();
        pan.yProperty().unbind();
        scale.xProperty().unbind();
        scale.yProperty().unbind();
        canvas.setClip(null);
        super.dispose();
    }
}
