package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.scene.FrameBudget;
import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.model.doc.Document;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The level-of-detail switch of big graphs (views above {@link OverviewLayer#DETAIL_ZOOM}, one
 * bitmap below), views built over several frames, and what must survive a trip through the
 * overview: clicks reach the block under the mouse, selection shows on its view.
 */
@ExtendWith(FxThreadExtension.class)
class LevelOfDetailTest {
    /** A small viewport keeps the number of views per screen, and so the test's time, low. */
    private static final double W = 400;
    private static final double H = 300;

    private record Open(GraphCanvas canvas, GraphViews views, OverviewLayer overview) {
        /** One pulse's worth of work: CSS and a layout pass (which culls). */
        void frame() {
            canvas.applyCss();
            canvas.requestLayout();
            canvas.layout();
        }

        void settle() {
            for (int i = 0; i < 40; i++) {
                frame();
            }
        }
    }

    private static Open open(Document doc) {
        GraphCanvas canvas = CanvasFixture.opened(doc, W, H);
        GraphCanvasSkin skin = (GraphCanvasSkin) canvas.getSkin();
        return new Open(canvas, skin.views(), skin.overview());
    }

    private static long attached(Open o) {
        return o.views().itemIds().stream().map(o.views()::builtItem)
                .filter(v -> v != null && o.views().isAttached(v)).count();
    }

    /** The topmost attached view whose shape contains a scene point: what a real click would hit. */
    private static NodeView viewAt(Open o, Point2D scenePoint) {
        List<javafx.scene.Node> children = o.views().nodeLayer().getChildren();
        for (int i = children.size() - 1; i >= 0; i--) {
            javafx.scene.Node n = children.get(i);
            if (n.isVisible() && n.contains(n.sceneToLocal(scenePoint))) {
                return (NodeView) n;
            }
        }
        return null;
    }

    @Test
    void bigGraphsSwitchBetweenViewsAndTheOverviewAtTheDetailZoom() {
        Open o = open(CanvasBenchmark.residualGraph(600));
        o.canvas().setZoom(OverviewLayer.DETAIL_ZOOM * 1.05);
        o.settle();
        assertTrue(attached(o) > 0);
        assertFalse(o.overview().isVisible());

        o.canvas().setZoom(OverviewLayer.DETAIL_ZOOM * 0.95);
        o.frame();
        assertEquals(0, attached(o));
        assertTrue(o.overview().isVisible());
        assertTrue(o.overview().paints() > 0);
    }

    @Test
    void theOverviewIsRedrawnSharpAtEveryZoomStepOnWholePixelsAndNotAtAllWhileNothingMoves() {
        Open o = open(CanvasBenchmark.residualGraph(600));
        o.canvas().setZoom(0.1);
        o.views().setZooming(false);
        o.settle();
        int before = o.overview().paints();
        o.frame();
        o.frame();
        assertEquals(before, o.overview().paints(), "a still view draws nothing");

        Point2D anchor = o.canvas().canvasToScreen(new Point2D(2000, 300));
        for (int i = 0; i < 20; i++) {
            o.canvas().viewport().zoomAround(anchor, 1 / 0.95);
            o.frame();
        }
        assertEquals(before + 20, o.overview().paints(), "one drawing per zoom step");
        // 1:1 on whole pixels in screen space: the software renderer then copies instead of filtering.
        ImageView image = o.overview().image();
        assertEquals(0, image.getLocalToSceneTransform().getTx() % 1, 1e-9);
        assertEquals(0, image.getLocalToSceneTransform().getTy() % 1, 1e-9);
        assertEquals(1, image.getLocalToSceneTransform().getMxx(), 1e-9);
        assertEquals(1, image.getLocalToSceneTransform().getMyy(), 1e-9);
        assertEquals(W, image.getImage().getWidth(), 1);

        // The block nearest the zoom's anchor is drawn where the canvas puts it now: its centre pixel is painted.
        Point2D target = new Point2D(2000, 300);
        ItemShape near = o.views().shapes().stream().min(java.util.Comparator.comparingDouble(
                s -> target.distance(s.x() + s.width() / 2, s.y() + s.height() / 2))).orElseThrow();
        Point2D centre = o.canvas().canvasToScreen(new Point2D(near.x() + near.width() / 2,
                near.y() + near.height() / 2));
        assertNotEquals(0, o.overview().raster().pixel((int) centre.getX(), (int) centre.getY()));
        assertEquals(0, attached(o));
        assertTrue(o.overview().isVisible());
    }

    @Test
    void aThemeChangeRepaintsTheOverviewInItsColoursWithoutAnyMove() {
        Open o = open(CanvasBenchmark.residualGraph(600));
        o.canvas().setZoom(0.1);
        o.settle();
        int before = o.overview().paints();
        ItemShape first = o.views().shape("lin1");
        Point2D inside = o.canvas().canvasToScreen(new Point2D(first.x() + first.width() / 2,
                first.y() + first.height() / 2));
        o.canvas().setStyle("-canvas-subtle: #ff0000;");
        o.canvas().applyCss();
        assertTrue(o.canvas().isNeedsLayout(), "the restyle asks for a layout pass, which repaints");
        o.canvas().layout();
        assertEquals(before + 1, o.overview().paints());
        assertEquals(0xffff0000, o.overview().raster().pixel((int) inside.getX(), (int) inside.getY()));
    }

    @Test
    void zoomingInFromTheOverviewBuildsViewsOverFramesWithTheOverviewUnderThem() {
        Open o = open(CanvasBenchmark.residualGraph(600));
        o.canvas().setZoom(0.1);
        o.settle();
        int built = o.views().builtCount();
        // Zoom into a region never shown in detail: block column 20 (blocks are filed 600 apart), about
        // thirty items with the cull margin.
        o.canvas().setZoom(OverviewLayer.DETAIL_ZOOM * 1.05);
        o.canvas().viewport().panXProperty().set(-20 * 600 * o.canvas().getZoom());
        o.frame();
        assertEquals(built + FrameBudget.BUILDS_PER_PASS, o.views().builtCount());
        assertFalse(o.views().cullComplete());
        assertTrue(o.overview().isVisible(), "the overview stays until the views are all there");
        o.settle();
        assertTrue(o.views().cullComplete());
        assertFalse(o.overview().isVisible());
        assertTrue(attached(o) > FrameBudget.BUILDS_PER_PASS, "attached " + attached(o));
    }

    @Test
    void afterATripThroughTheOverviewTheBlockUnderTheMouseTakesTheClickAndSelectionShows() {
        Open o = open(CanvasBenchmark.residualGraph(600));
        o.canvas().select(Set.of("lin1"));
        o.settle();
        NodeView selected = o.views().builtItem("lin1");
        assertTrue(selected.getPseudoClassStates().contains(CanvasStyles.SELECTED));

        // Wheel far out (overview, no views) and back in around the same screen point.
        Point2D anchor = new Point2D(W / 2, H / 2);
        for (int i = 0; i < 30; i++) {
            o.canvas().viewport().zoomAround(anchor, 0.9);
            o.frame();
        }
        assertEquals(0, attached(o));
        o.canvas().select(Set.of("lin1", "add1"));
        for (int i = 0; i < 30; i++) {
            o.canvas().viewport().zoomAround(anchor, 1 / 0.9);
            o.frame();
        }
        o.settle();
        assertEquals(1, o.canvas().getZoom(), 1e-9);

        // Selection made while far out shows on views built or re-attached afterwards.
        for (String id : List.of("lin1", "add1")) {
            NodeView v = o.views().builtItem(id);
            assertNotNull(v, id);
            assertTrue(o.views().isAttached(v), id);
            assertTrue(v.getPseudoClassStates().contains(CanvasStyles.SELECTED), id);
        }
        assertFalse(o.views().builtItem("lin2").getPseudoClassStates().contains(CanvasStyles.SELECTED));

        // Click the title of lin2 (x = 200, y = 0) where the mouse is: it alone is selected.
        ItemShape lin2 = o.views().shape("lin2");
        Point2D p = o.canvas().localToScene(o.canvas().canvasToScreen(
                new Point2D(lin2.x() + lin2.width() / 2, lin2.y() + 12)));
        NodeView hit = viewAt(o, p);
        assertSame(o.views().builtItem("lin2"), hit);
        CanvasFixture.click(hit, p);
        assertEquals(Set.of("lin2"), o.canvas().selection());
        assertTrue(hit.getPseudoClassStates().contains(CanvasStyles.SELECTED));
        assertFalse(o.views().builtItem("lin1").getPseudoClassStates().contains(CanvasStyles.SELECTED));
    }
}
