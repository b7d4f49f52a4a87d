package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FxThreadExtension.class)
class LayoutTest {
    /** A diamond plus a tail, all stacked at the origin: the worst start for a layout. */
    private CanvasFixture diamond() {
        CanvasFixture f = new CanvasFixture().node("s", "src", 0, 0).node("l", "lin", 0, 0).node("r", "lin", 0, 0)
                .node("j", "add", 0, 0).node("t", "lin", 0, 0).node("lone", "lin", 0, 0)
                .wire("s", "out", "l", "in").wire("s", "out", "r", "in")
                .wire("l", "out", "j", "a").wire("r", "out", "j", "b").wire("j", "out", "t", "in");
        f.show();
        return f;
    }

    @Test
    void autoLayoutPlacesNodesApartAndLeftToRightInOneUndoableCommand() {
        CanvasFixture f = diamond();
        Map<String, Position> before = positions(f);
        long revision = f.stack.revision();

        f.canvas.autoLayout();

        assertEquals(revision + 1, f.stack.revision());
        Set<Position> distinct = new HashSet<>(positions(f).values());
        assertEquals(f.doc.nodeCount(), distinct.size());
        for (Wire w : f.doc.wires()) {
            double fromX = f.doc.requireNode(w.from().nodeId()).position().x();
            double toX = f.doc.requireNode(w.to().nodeId()).position().x();
            assertTrue(toX >= fromX + NodeView.WIDTH, w + ": " + fromX + " -> " + toX);
        }
        // No two node boxes overlap.
        for (Node a : f.doc.nodes()) {
            for (Node b : f.doc.nodes()) {
                if (a != b) {
                    Bounds ba = f.view(a.id()).getBoundsInParent();
                    Bounds bb = f.view(b.id()).getBoundsInParent();
                    assertTrue(!ba.intersects(bb), a + " overlaps " + b);
                }
            }
        }
        f.stack.undo();
        assertEquals(before, positions(f));
    }

    @Test
    void zoomToFitShowsEveryNode() {
        CanvasFixture f = new CanvasFixture().node("a", "src", -3000, -800).node("b", "lin", 4000, 2500)
                .node("c", "lin", 100, 100);
        f.show();
        f.canvas.zoomToFit();
        for (String id : f.views().itemIds()) {
            NodeView v = f.view(id);
            javafx.geometry.Point2D min = f.canvas.canvasToScreen(new javafx.geometry.Point2D(v.getLayoutX(), v.getLayoutY()));
            javafx.geometry.Point2D max = f.canvas.canvasToScreen(new javafx.geometry.Point2D(
                    v.getLayoutX() + v.getWidth(), v.getLayoutY() + v.getHeight()));
            assertTrue(min.getX() >= 0 && min.getY() >= 0, v.itemId() + " " + min);
            assertTrue(max.getX() <= f.canvas.getWidth() && max.getY() <= f.canvas.getHeight(), v.itemId() + " " + max);
        }
        // A small graph is not blown up past 1:1.
        CanvasFixture small = new CanvasFixture().node("a", "src", 10, 10);
        small.show();
        small.canvas.zoomToFit();
        assertEquals(1, small.canvas.getZoom());
    }

    @Test
    void showStartShowsAWideStripFromItsStartAtAReadableZoom() {
        // 40 blocks in one row: fitted whole, the 800-pixel canvas would show them at zoom 0.08.
        CanvasFixture f = new CanvasFixture();
        for (int i = 0; i < 40; i++) {
            f.node("n" + i, i == 0 ? "src" : "lin", i * 240, 500);
        }
        f.show();
        f.canvas.showStart();
        assertEquals(ViewportFit.MIN_READABLE_ZOOM, f.canvas.getZoom());
        // The left end sits at the margin; the strip is centred vertically.
        NodeView first = f.view("n0");
        assertEquals(ViewportFit.MARGIN, f.canvas.canvasToScreen(new javafx.geometry.Point2D(0, 0)).getX(), 1e-9);
        double middle = 500 + first.getHeight() / 2;
        assertEquals(f.canvas.getHeight() / 2, f.canvas.canvasToScreen(new javafx.geometry.Point2D(0, middle)).getY(),
                1e-9);
    }

    @Test
    void zoomToFitShowsAWideStripWhole() {
        CanvasFixture f = new CanvasFixture();
        for (int i = 0; i < 40; i++) {
            f.node("n" + i, i == 0 ? "src" : "lin", i * 240, 500);
        }
        f.show();
        f.canvas.zoomToFit();
        assertEquals((800 - 2 * ViewportFit.MARGIN) / (39 * 240 + NodeView.WIDTH), f.canvas.getZoom(), 1e-12,
                "Zoom to fit shows every node, however small");
    }

    @Test
    void showStartShowsATallStripFromItsTop() {
        CanvasFixture f = new CanvasFixture();
        for (int i = 0; i < 40; i++) {
            f.node("n" + i, i == 0 ? "src" : "lin", 300, i * 120);
        }
        f.show();
        f.canvas.showStart();
        assertEquals(ViewportFit.MIN_READABLE_ZOOM, f.canvas.getZoom());
        assertEquals(ViewportFit.MARGIN, f.canvas.canvasToScreen(new javafx.geometry.Point2D(0, 0)).getY(), 1e-9);
        double middle = 300 + NodeView.WIDTH / 2;
        assertEquals(f.canvas.getWidth() / 2, f.canvas.canvasToScreen(new javafx.geometry.Point2D(middle, 0)).getX(),
                1e-9);
    }

    @Test
    void showStartShowsAGraphTooBigBothWaysWhole() {
        CanvasFixture f = new CanvasFixture().node("a", "src", 0, 0).node("b", "lin", 20000, 12000);
        f.show();
        f.canvas.showStart();
        double expected = Math.min((800 - 2 * ViewportFit.MARGIN) / (20000 + NodeView.WIDTH),
                (600 - 2 * ViewportFit.MARGIN) / (12000 + f.view("b").getHeight()));
        assertEquals(expected, f.canvas.getZoom(), 1e-12);
    }

    private static Map<String, Position> positions(CanvasFixture f) {
        Map<String, Position> map = new TreeMap<>();
        f.doc.nodes().forEach(n -> map.put(n.id(), n.position()));
        return map;
    }
}
