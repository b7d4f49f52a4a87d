package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.PortView;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.PortRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Big graphs build views only near the viewport, and views carry ids UI tests can find. */
@ExtendWith(FxThreadExtension.class)
class LazyViewsTest {
    private static GraphCanvas open(Document doc) {
        return CanvasFixture.opened(doc, 800, 600);
    }

    /** Layout passes until every view near the viewport is built (each pass builds a bounded number). */
    private static void settle(GraphCanvas canvas) {
        for (int i = 0; i < 10; i++) {
            canvas.requestLayout();
            canvas.layout();
        }
    }

    private static GraphViews views(GraphCanvas canvas) {
        return ((GraphCanvasSkin) canvas.getSkin()).views();
    }

    @Test
    void onlyViewsNearTheViewportAreBuiltAndPanningMovesThem() {
        Document doc = CanvasBenchmark.residualGraph(2000);
        GraphCanvas canvas = open(doc);
        GraphViews views = views(canvas);
        assertEquals(doc.nodeCount(), views.itemIds().size());
        // 800×600 at 1:1 plus the cull margin shows a few rows of the 600-unit-wide blocks.
        assertTrue(views.builtCount() < 60, "built " + views.builtCount());
        NodeView first = views.builtItem("lin1");
        assertNotNull(first);
        assertTrue(views.isAttached(first));
        assertNull(views.builtItem("add600"));

        // add600 is block 599: x = (599 % 40) * 600 + 400, y = (599 / 40) * 120. Pan it into view.
        assertEquals(39 * 600 + 400, views.shape("add600").x());
        canvas.viewport().panXProperty().set(-(39 * 600 + 400) + 100);
        canvas.viewport().panYProperty().set(-(14 * 120) + 100);
        settle(canvas);
        NodeView far = views.builtItem("add600");
        assertNotNull(far);
        assertTrue(views.isAttached(far));
        assertFalse(views.isAttached(first));
        assertSame(far, canvas.lookup("#node-add600"));

        // Far out the overview is drawn and no view stays in the scene.
        canvas.setZoom(0.05);
        settle(canvas);
        assertFalse(views.isAttached(far));
        assertTrue(views.builtCount() < 120, "built " + views.builtCount());
    }

    @Test
    void aViewPrunedFromTheReserveIsShownAgainWhenItComesBackIntoView() {
        GraphCanvas canvas = open(CanvasBenchmark.residualGraph(200));
        GraphViews views = views(canvas);
        settle(canvas);
        NodeView first = views.builtItem("lin1");
        assertTrue(views.isAttached(first) && first.isVisible());
        // Panned away, the view waits hidden in the reserve; then the reserve moves elsewhere (the prebuilder
        // follows the viewport) and takes it out of the scene, still hidden.
        views.keepReserveIn(new javafx.geometry.BoundingBox(-5000, -5000, 10000, 10000));
        canvas.viewport().panXProperty().set(-6000);
        settle(canvas);
        assertTrue(views.isReserved("lin1"));
        views.keepReserveIn(new javafx.geometry.BoundingBox(5000, -5000, 100, 100));
        assertFalse(views.isReserved("lin1"));
        canvas.viewport().panXProperty().set(0);
        settle(canvas);
        assertSame(first, views.builtItem("lin1"), "the built view is reused");
        assertTrue(views.isAttached(first));
        assertTrue(first.isVisible(), "and shown, not left hidden as the reserve had it");
    }

    @Test
    void wiresOfUnbuiltNodesAreRoutedFromStoredPlacesWhenAskedFor() {
        Document doc = CanvasBenchmark.residualGraph(2000);
        GraphCanvas canvas = open(doc);
        GraphViews views = views(canvas);
        WireView w = views.wire(doc.wireInto(new PortRef("add600", "b")).orElseThrow().id());
        ItemShape from = views.shape("lin1200");
        ItemShape to = views.shape("add600");
        assertEquals(from.x() + NodeView.WIDTH, w.getStartX());
        assertEquals(to.x(), w.getEndX());
        // Second input row of an add block: header + 1.5 rows.
        assertEquals(to.y() + NodeView.HEADER + NodeView.ROW * 1.5, w.getEndY());
    }

    @Test
    void viewsAndPortsHaveStableIdsAndUserData() {
        CanvasFixture f = new CanvasFixture().node("s", "src", 0, 0).node("a.b", "lin", 300, 0);
        f.show();
        NodeView s = f.view("s");
        assertEquals("node-s", s.getId());
        assertEquals("node:s", s.getUserData());
        assertEquals("node-a_b", f.view("a.b").getId());
        assertEquals("node:a.b", f.view("a.b").getUserData());
        PortView in = f.view("a.b").inputs().get("in");
        assertEquals("port-a_b-in", in.getId());
        assertEquals("port:a.b.in", in.getUserData());
        assertSame(s, f.canvas.lookup("#node-s"));
    }

    @Test
    void smallGraphsKeepTheirViewsWhenFittedFarOut() {
        CanvasFixture f = new CanvasFixture();
        // Spread both ways, so the fit shows it whole (a strip would be shown from its start instead).
        for (int i = 0; i < 12; i++) {
            f.node("n" + i, i == 0 ? "src" : "lin", (i % 4) * 3000, (i / 4) * 3000);
        }
        f.show();
        f.canvas.zoomToFit();
        f.canvas.layout();
        assertTrue(f.canvas.getZoom() < OverviewLayer.DETAIL_ZOOM, "zoom " + f.canvas.getZoom());
        for (int i = 0; i < 12; i++) {
            assertTrue(f.views().isAttached(f.view("n" + i)), "n" + i);
        }
    }
}
