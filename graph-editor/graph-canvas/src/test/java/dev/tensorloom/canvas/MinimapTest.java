package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The minimap shows only when some of the graph lies outside the viewport, and never while the
 * canvas's minimap switch is off.
 */
@ExtendWith(FxThreadExtension.class)
class MinimapTest {
    /** Three blocks in a row, 500 canvas units wide: fits the 800×600 scene at 1:1. */
    private static CanvasFixture smallGraph() {
        CanvasFixture f = new CanvasFixture().node("s", "src", 0, 0).node("a", "lin", 250, 0)
                .node("b", "lin", 500, 0).wire("s", "out", "a", "in").wire("a", "out", "b", "in");
        f.show();
        return f;
    }

    private static Minimap frame(CanvasFixture f) {
        f.canvas.applyCss();
        f.canvas.requestLayout();
        f.canvas.layout();
        return ((GraphCanvasSkin) f.canvas.getSkin()).minimap();
    }

    @Test
    void aFittedSmallGraphHidesTheMinimap() {
        CanvasFixture f = smallGraph();
        f.canvas.zoomToFit();
        Minimap minimap = frame(f);
        assertTrue(minimap.isVisible(), "the switch is on");
        assertFalse(minimap.isShown());
        assertTrue(minimap.isMouseTransparent(), "a hidden minimap must not catch clicks meant for blocks");
    }

    @Test
    void panningPartOfTheGraphOffScreenShowsItAndPanningBackHidesIt() {
        CanvasFixture f = smallGraph();
        f.canvas.zoomToFit();
        frame(f);
        double panX = f.canvas.viewport().panXProperty().get();
        f.canvas.viewport().panXProperty().set(panX - 400);
        assertTrue(frame(f).isShown());
        assertFalse(frame(f).isMouseTransparent());

        f.canvas.viewport().panXProperty().set(panX);
        assertFalse(frame(f).isShown());
    }

    @Test
    void zoomingInUntilTheGraphOverflowsShowsIt() {
        CanvasFixture f = smallGraph();
        f.canvas.zoomToFit();
        frame(f);
        f.canvas.viewport().zoomAround(new Point2D(400, 300), 3);
        assertTrue(frame(f).isShown());
    }

    @Test
    void theSwitchTurnsItOffEvenWhenTheGraphOverflows() {
        CanvasFixture f = smallGraph();
        f.canvas.zoomToFit();
        f.canvas.viewport().panXProperty().set(f.canvas.viewport().panXProperty().get() - 400);
        f.canvas.minimapVisibleProperty().set(false);
        assertFalse(frame(f).isShown());

        f.canvas.minimapVisibleProperty().set(true);
        assertTrue(frame(f).isShown());
    }

    @Test
    void aDragOnTheMinimapKeepsItShownUntilReleased() {
        CanvasFixture f = smallGraph();
        f.canvas.zoomToFit();
        f.canvas.viewport().panXProperty().set(f.canvas.viewport().panXProperty().get() - 400);
        Minimap minimap = frame(f);
        assertTrue(minimap.isShown());
        // Pressing on the overview's centre pans the whole graph into view, but the gesture goes on.
        Point2D centre = minimap.localToScene(Minimap.WIDTH / 2, Minimap.HEIGHT / 2);
        f.press(minimap, centre, false, 1);
        assertTrue(frame(f).isShown());

        f.release(minimap, centre);
        assertFalse(frame(f).isShown());
    }

    @Test
    void anEmptyGraphHasNoMinimap() {
        CanvasFixture f = new CanvasFixture();
        f.show();
        assertFalse(frame(f).isShown());
    }

    @Test
    void aSmallCanvasGetsASmallerMinimapInsideItsCorner() {
        assertEquals(1, Minimap.scaleFor(1200, 700), 1e-9);
        assertEquals(0.75, Minimap.scaleFor(600, 400), 1e-9);
        assertEquals(Minimap.MIN_SCALE, Minimap.scaleFor(200, 100), 1e-9);

        CanvasFixture f = smallGraph();
        f.canvas.resize(600, 280);
        f.canvas.viewport().zoomAround(new Point2D(300, 140), 3);
        Minimap minimap = frame(f);
        assertTrue(minimap.isShown());
        javafx.geometry.Bounds box = minimap.localToParent(minimap.getLayoutBounds());
        assertEquals(Minimap.WIDTH * Minimap.scaleFor(600, 280), box.getWidth(), 1e-6);
        assertEquals(600 - GraphCanvasSkin.MINIMAP_MARGIN, box.getMaxX(), 1e-6);
        assertEquals(280 - GraphCanvasSkin.MINIMAP_MARGIN, box.getMaxY(), 1e-6);
        assertTrue(box.getWidth() <= 600 * Minimap.MAX_SHARE_WIDE + 1e-6);
    }

    /** #20 first hour: in a small window the overview can be folded into its corner, so it covers no port. */
    @Test
    void itsHandleFoldsTheOverviewAwayAndOpensItAgain() {
        CanvasFixture f = smallGraph();
        f.canvas.zoomToFit();
        frame(f);
        MinimapToggle handle = ((GraphCanvasSkin) f.canvas.getSkin()).minimapToggle();
        assertFalse(handle.isVisible(), "nothing to fold while the whole graph is in view");
        f.canvas.viewport().panXProperty().set(f.canvas.viewport().panXProperty().get() - 400);
        Minimap minimap = frame(f);
        assertTrue(minimap.isShown() && handle.isVisible());
        javafx.geometry.Bounds corner = handle.getBoundsInParent();
        assertEquals(f.canvas.getWidth() - GraphCanvasSkin.MINIMAP_MARGIN, corner.getMaxX(), 0.5, "in the bottom-right corner");
        assertEquals(f.canvas.getHeight() - GraphCanvasSkin.MINIMAP_MARGIN, corner.getMaxY(), 0.5);

        f.canvas.select(java.util.List.of("a"));
        Point2D onHandle = handle.localToScene(MinimapToggle.SIZE / 2, MinimapToggle.SIZE / 2);
        CanvasFixture.click(handle, onHandle);
        assertFalse(frame(f).isShown(), "folded away");
        assertTrue(minimap.isMouseTransparent(), "a folded overview catches no clicks meant for blocks");
        assertTrue(handle.isVisible(), "the handle stays to open it again");
        assertEquals(java.util.Set.of("a"), f.canvas.selection(), "a click on the handle is not a click on the canvas");

        CanvasFixture.click(handle, onHandle);
        assertTrue(frame(f).isShown(), "open again");
    }
}
