package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.PortView;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** #20 first hour: a refused wire's reason appears beside the input it was dropped on, not over it, and fades. */
@ExtendWith(FxThreadExtension.class)
class MessageBubbleTest {
    /** t gives int64, b takes float32: a wire t.out → b.in is refused. */
    private CanvasFixture graph() {
        CanvasFixture f = new CanvasFixture().node("t", "tokens", 0, 200).node("b", "lin", 500, 0);
        f.show();
        return f;
    }

    /** Drags a wire from t.out onto b.in, where it is refused. */
    private static void refusedDrop(CanvasFixture f) {
        NodeView t = f.view("t");
        PortView out = t.outputs().get("out");
        Point2D from = t.anchor("out", false);
        Point2D to = f.view("b").anchor("in", true);
        f.press(out, f.screen(from.getX(), from.getY()), false, 1);
        f.drag(out, f.screen(to.getX(), to.getY()));
        f.release(out, f.screen(to.getX(), to.getY()));
    }

    private static MessageBubble bubble(CanvasFixture f) {
        return ((GraphCanvasSkin) f.canvas.getSkin()).bubble();
    }

    private static Bounds portOnCanvas(CanvasFixture f) {
        PortView in = f.view("b").inputs().get("in");
        return f.canvas.sceneToLocal(in.localToScene(in.getBoundsInLocal()));
    }

    private static void assertBesideAndInside(CanvasFixture f) {
        MessageBubble bubble = bubble(f);
        Bounds box = bubble.localToParent(bubble.getLayoutBounds());
        Bounds port = portOnCanvas(f);
        assertFalse(box.intersects(port), "the message does not cover the port: " + box + " and " + port);
        double gapX = Math.max(port.getMinX() - box.getMaxX(), box.getMinX() - port.getMaxX());
        double gapY = Math.max(port.getMinY() - box.getMaxY(), box.getMinY() - port.getMaxY());
        assertTrue(Math.max(gapX, gapY) <= MessagePlacement.GAP + 0.5, "right beside the port: " + box + " and " + port);
        assertTrue(box.getMinX() >= 0 && box.getMinY() >= 0 && box.getMaxX() <= f.canvas.getWidth()
                && box.getMaxY() <= f.canvas.getHeight(), "inside the viewport: " + box);
    }

    @Test
    void aRefusedWiresReasonSitsBesideItsPortThenFades() {
        CanvasFixture f = graph();
        refusedDrop(f);
        MessageBubble bubble = bubble(f);
        assertTrue(bubble.isVisible());
        assertEquals("b.in expects float32 but t.out gives int64", bubble.getText());
        assertBesideAndInside(f);

        bubble.life().jumpTo(MessageBubble.SHOWN.subtract(Duration.millis(100)));
        assertTrue(bubble.isVisible());
        assertEquals(1, bubble.getOpacity(), 1e-9, "whole for the first seconds");
        bubble.life().jumpTo(MessageBubble.SHOWN.add(MessageBubble.FADE.divide(2)));
        assertTrue(bubble.isVisible() && bubble.getOpacity() < 0.9 && bubble.getOpacity() > 0.1,
                "fading: " + bubble.getOpacity());
        bubble.life().jumpTo(bubble.life().getTotalDuration());
        assertFalse(bubble.isVisible(), "gone after the fade");

        refusedDrop(f);
        assertTrue(bubble.isVisible(), "a new refusal shows it again");
        assertEquals(1, bubble.getOpacity(), 1e-9);
        assertEquals(Duration.ZERO, bubble.life().getCurrentTime(), "and its fade starts over");
    }

    @Test
    void nearTheViewportsLeftEdgeTheMessageMovesToAnotherSide() {
        // t under b, so both stay in view (events reach only blocks in the scene).
        CanvasFixture f = new CanvasFixture().node("t", "tokens", 500, 250).node("b", "lin", 500, 0);
        f.show();
        // The target input 20 px from the left edge: no room left of it.
        Point2D in = f.view("b").anchor("in", true);
        f.canvas.viewport().panXProperty().set(20 - in.getX());
        f.canvas.applyCss();
        f.canvas.layout();
        refusedDrop(f);
        assertTrue(bubble(f).isVisible());
        assertBesideAndInside(f);
    }

    @Test
    void anEditDismissesTheMessage() {
        CanvasFixture f = graph();
        refusedDrop(f);
        assertTrue(bubble(f).isVisible());
        f.canvas.addNode("lin", new Point2D(0, 400));
        assertFalse(bubble(f).isVisible(), "what it said is stale after an edit");
    }

    @Test
    void placementTriesEachSideInsideTheViewport() {
        Bounds port = new BoundingBox(400, 300, 10, 10);
        assertEquals(new Point2D(400 - MessagePlacement.GAP - 200, 305 - 15),
                MessagePlacement.beside(port, 200, 30, 800, 600), "left of the port by default");
        Bounds atLeftEdge = new BoundingBox(30, 300, 10, 10);
        assertEquals(new Point2D(MessagePlacement.MARGIN, 310 + MessagePlacement.GAP),
                MessagePlacement.beside(atLeftEdge, 200, 30, 800, 600), "below when the left has no room");
        Bounds bottomLeft = new BoundingBox(30, 580, 10, 10);
        assertEquals(new Point2D(MessagePlacement.MARGIN, 580 - MessagePlacement.GAP - 30),
                MessagePlacement.beside(bottomLeft, 200, 30, 800, 600), "above when below has no room either");
        Bounds nearTop = new BoundingBox(400, 2, 10, 10);
        assertEquals(MessagePlacement.MARGIN, MessagePlacement.beside(nearTop, 200, 30, 800, 600).getY(),
                "slid down into the viewport");
        assertEquals(new Point2D(300, 600 - MessagePlacement.BOTTOM - 30), MessagePlacement.bottomCentre(200, 30, 800, 600));
    }
}
