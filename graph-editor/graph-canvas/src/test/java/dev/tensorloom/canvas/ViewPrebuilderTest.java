package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.model.doc.Document;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Idle frames build, hidden, the views a zoom-out to the detail switch would show; gestures build none. */
@ExtendWith(FxThreadExtension.class)
class ViewPrebuilderTest {
    /** A time past the quiet time after anything the test did so far. */
    private static long later() {
        return System.nanoTime() + 2 * ViewPrebuilder.QUIET_NANOS;
    }

    private static void mouse(GraphCanvas canvas, javafx.event.EventType<MouseEvent> type, Point2D at) {
        canvas.fireEvent(new MouseEvent(type, at.getX(), at.getY(), at.getX(), at.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, type != MouseEvent.MOUSE_RELEASED, false, false, false, false, false,
                new PickResult(canvas, at.getX(), at.getY())));
    }

    private static GraphCanvas open(Document doc) {
        return CanvasFixture.opened(doc, 800, 600);
    }

    private static GraphCanvasSkin skin(GraphCanvas canvas) {
        return (GraphCanvasSkin) canvas.getSkin();
    }

    /** Ids of the items a zoom to {@code zoom} around the canvas centre shows (with the cull margin). */
    private static Set<String> shownAt(GraphCanvas canvas, double zoom) {
        Point2D c = canvas.screenToCanvas(new Point2D(400, 300));
        double hw = (400 + GraphCanvasSkin.CULL_MARGIN) / zoom;
        double hh = (300 + GraphCanvasSkin.CULL_MARGIN) / zoom;
        return skin(canvas).views().itemsIn(c.getX() - hw, c.getY() - hh, c.getX() + hw, c.getY() + hh);
    }

    @Test
    void idleFramesBuildTheRingAFewAtATimeAndTheZoomOutOnlyShowsThem() {
        GraphCanvas canvas = open(CanvasBenchmark.residualGraph(2000));
        GraphViews views = skin(canvas).views();
        ViewPrebuilder prebuilder = skin(canvas).prebuilder();
        Set<String> ring = shownAt(canvas, OverviewLayer.DETAIL_ZOOM);
        int before = views.builtCount();
        assertTrue(ring.size() > 2 * before, ring.size() + " vs " + before);

        // Before the quiet time has passed nothing is built. It counts from here: on a loaded machine opening
        // the 2,000-node canvas alone can take longer than the quiet time.
        prebuilder.changed();
        assertTrue(prebuilder.frame(System.nanoTime()));
        assertEquals(before, views.builtCount());

        assertTrue(prebuilder.frame(later()));
        int first = views.builtCount() - before;
        assertTrue(first > 0 && first <= ViewPrebuilder.PER_FRAME, "first idle frame built " + first);
        int frames = 1;
        while (prebuilder.frame(later())) {
            frames++;
            assertTrue(frames < 200, "the ring never ends");
        }
        for (String id : ring) {
            assertTrue(views.isPrepared(id), id);
        }
        // So are the wires of the ring, held hidden in the scene.
        Point2D c = canvas.screenToCanvas(new Point2D(400, 300));
        double hw = (400 + GraphCanvasSkin.CULL_MARGIN) / OverviewLayer.DETAIL_ZOOM;
        double hh = (300 + GraphCanvasSkin.CULL_MARGIN) / OverviewLayer.DETAIL_ZOOM;
        Set<String> ringWires = views.wiresIn(c.getX() - hw, c.getY() - hh, c.getX() + hw, c.getY() + hh);
        assertTrue(prebuilder.builtWires() > 0);
        for (String id : ringWires) {
            assertTrue(views.isPreparedWire(id), id);
        }
        String heldWire = ringWires.stream().filter(id -> !views.wire(id).isVisible()).findFirst().orElseThrow();
        assertSame(views.wireLayer(), views.wire(heldWire).getParent());
        int wiresInScene = views.wireLayer().getChildren().size();
        // The prebuilt views are in the scene but not shown.
        String far = ring.stream().filter(views::isReserved).findFirst().orElseThrow();
        assertFalse(views.isAttached(views.builtItem(far)));
        assertFalse(views.builtItem(far).isVisible());
        assertSame(views.nodeLayer(), views.builtItem(far).getParent());

        // The zoom-out to the switch builds nothing: it shows what the idle frames built.
        int built = views.builtCount();
        canvas.viewport().zoomAround(new Point2D(400, 300), OverviewLayer.DETAIL_ZOOM / canvas.getZoom());
        canvas.layout();
        // Each pass shows a bounded number of them (their first render costs), the overview under the rest.
        assertFalse(views.cullComplete());
        for (int i = 0; i < 20 && !views.cullComplete(); i++) {
            canvas.requestLayout();
            canvas.layout();
        }
        assertEquals(built, views.builtCount());
        assertTrue(views.cullComplete());
        NodeView shown = views.builtItem(far);
        assertTrue(views.isAttached(shown));
        assertTrue(shown.isVisible());
        // The wires the zoom-out needs were in the scene already: shown, none added.
        assertTrue(views.wire(heldWire).isVisible());
        assertEquals(wiresInScene, views.wireLayer().getChildren().size());
    }

    @Test
    void nothingIsBuiltWhileAGestureOrAZoomRuns() {
        GraphCanvas canvas = open(CanvasBenchmark.residualGraph(2000));
        GraphViews views = skin(canvas).views();
        ViewPrebuilder prebuilder = skin(canvas).prebuilder();
        int before = views.builtCount();

        // A rubber band pressed on the background between blocks, not yet dragged.
        Point2D at = canvas.localToScene(190, 90);
        mouse(canvas, MouseEvent.MOUSE_PRESSED, at);
        assertTrue(skin(canvas).gestures().running());
        assertFalse(prebuilder.frame(later()));
        assertEquals(before, views.builtCount());
        mouse(canvas, MouseEvent.MOUSE_RELEASED, at);
        assertFalse(skin(canvas).gestures().running());

        // A wheel zoom step: until it settles, idle frames wait and build nothing.
        canvas.viewport().zoomAround(new Point2D(400, 300), 1.1);
        canvas.layout();
        assertTrue(views.isZooming());
        int afterZoom = views.builtCount();
        assertTrue(prebuilder.frame(later()));
        assertEquals(afterZoom, views.builtCount());

        views.setZooming(false);
        assertTrue(prebuilder.frame(later()));
        assertTrue(views.builtCount() > afterZoom);
        assertNotNull(views.builtItem(shownAt(canvas, 1.1 / 2).stream()
                .filter(views::isReserved).findFirst().orElseThrow()));
    }

    @Test
    void aCanvasInAClosedWindowOrOutOfItsSceneBuildsNothing() {
        GraphCanvas canvas = open(CanvasBenchmark.residualGraph(2000));
        GraphViews views = skin(canvas).views();
        ViewPrebuilder prebuilder = skin(canvas).prebuilder();
        int before = views.builtCount();
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setScene(canvas.getScene());
        stage.show();
        stage.hide();
        assertFalse(prebuilder.frame(later()), "a closed window: nothing left to do");
        assertEquals(before, views.builtCount());

        canvas.getScene().setRoot(new javafx.scene.Group());
        assertFalse(prebuilder.frame(later()));
        assertEquals(before, views.builtCount());
    }
}
