package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.PortView;
import dev.tensorloom.model.command.MoveNodes;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FxThreadExtension.class)
class GestureTest {
    private CanvasFixture graph() {
        CanvasFixture f = new CanvasFixture().node("s", "src", 0, 0).node("t", "tokens", 0, 200)
                .node("a", "lin", 250, 0).node("b", "lin", 500, 0).node("c", "add", 500, 200)
                .wire("s", "out", "a", "in");
        f.show();
        return f;
    }

    @Test
    void clickCtrlClickAndRubberBandSelect() {
        CanvasFixture f = graph();
        f.press(f.view("a"), f.screen(260, 10), false, 1);
        f.release(f.view("a"), f.screen(260, 10));
        assertEquals(Set.of("a"), f.canvas.selection());
        assertTrue(f.view("a").getPseudoClassStates().contains(CanvasStyles.SELECTED));

        f.press(f.view("b"), f.screen(510, 10), true, 1);
        f.release(f.view("b"), f.screen(510, 10));
        assertEquals(Set.of("a", "b"), f.canvas.selection());
        f.press(f.view("a"), f.screen(260, 10), true, 1);
        f.release(f.view("a"), f.screen(260, 10));
        assertEquals(Set.of("b"), f.canvas.selection());
        assertFalse(f.view("a").getPseudoClassStates().contains(CanvasStyles.SELECTED));

        // Rubber band from empty space around the two left nodes.
        f.press(f.canvas, f.screen(-20, -20), false, 1);
        f.drag(f.canvas, f.screen(100, 150));
        f.drag(f.canvas, f.screen(100, 260));
        f.release(f.canvas, f.screen(100, 260));
        assertEquals(Set.of("s", "t"), f.canvas.selection());

        f.canvas.selectAll();
        assertEquals(Set.of("s", "t", "a", "b", "c"), f.canvas.selection());
        f.canvas.select(List.of("a", "nonexistent"));
        assertEquals(Set.of("a"), f.canvas.selection());
        f.canvas.clearSelection();
        assertTrue(f.canvas.selection().isEmpty());
    }

    @Test
    void dragMovesOnlyViewsThenPushesOneMoveNodesThatUndoes() {
        CanvasFixture f = graph();
        f.canvas.setZoom(2);
        f.canvas.select(List.of("a", "b"));
        List<Object> pushed = new ArrayList<>();
        f.stack.addListener(s -> pushed.add(s.undoDescription().orElse("")));

        NodeView a = f.view("a");
        f.press(a, f.screen(260, 10), false, 1);
        for (int i = 1; i <= 5; i++) {
            f.drag(a, f.screen(260 + 10 * i, 10 + 6 * i));
            // Only the view moves during the gesture.
            assertEquals(new Position(250, 0), f.doc.requireNode("a").position());
        }
        assertEquals(0, pushed.size());
        f.release(a, f.screen(310, 40));

        assertEquals(1, pushed.size());
        assertEquals("Move 2 nodes", pushed.get(0));
        assertEquals(new Position(300, 30), f.doc.requireNode("a").position());
        assertEquals(new Position(550, 30), f.doc.requireNode("b").position());
        assertEquals(300, a.getLayoutX());
        f.stack.undo();
        assertEquals(new Position(250, 0), f.doc.requireNode("a").position());
        assertEquals(new Position(500, 0), f.doc.requireNode("b").position());
        assertEquals(250, a.getLayoutX());
        assertEquals(500, f.view("b").getLayoutX());
    }

    @Test
    void clickWithoutDragPushesNothing() {
        CanvasFixture f = graph();
        long before = f.stack.revision();
        f.press(f.view("a"), f.screen(260, 10), false, 1);
        f.release(f.view("a"), f.screen(260, 10));
        assertEquals(before, f.stack.revision());
    }

    @Test
    void aDragWithoutAPressOnTheCanvasIsIgnored() {
        CanvasFixture f = graph();
        long before = f.stack.revision();
        // The press went elsewhere (a popup closing on it); only the drag and release arrive here.
        f.drag(f.view("a"), f.screen(300, 40));
        f.release(f.view("a"), f.screen(300, 40));
        assertEquals(before, f.stack.revision());
    }

    @Test
    void draggingFromOutputToCompatibleInputPushesConnect() {
        CanvasFixture f = graph();
        NodeView a = f.view("a");
        PortView out = a.outputs().get("out");
        Point2D from = a.anchor("out", false);
        Point2D to = f.view("b").anchor("in", true);

        f.press(out, f.screen(from.getX(), from.getY()), false, 1);
        assertTrue(f.view("b").inputs().get("in").getPseudoClassStates().contains(CanvasStyles.COMPATIBLE));
        f.drag(out, f.screen(to.getX() + 2, to.getY() + 1));
        f.release(out, f.screen(to.getX() + 2, to.getY() + 1));

        assertTrue(f.doc.wireInto(new PortRef("b", "in")).isPresent());
        assertTrue(f.stack.undoDescription().orElseThrow().startsWith("Connect a.out"));
        assertFalse(f.view("b").inputs().get("in").getPseudoClassStates().contains(CanvasStyles.COMPATIBLE));
        assertNotNull(f.views().wire(f.doc.wireInto(new PortRef("b", "in")).get().id()));
        f.stack.undo();
        assertTrue(f.doc.wireInto(new PortRef("b", "in")).isEmpty());
    }

    @Test
    void incompatibleInputsDimWithTheirReasonAndARefusedWireSaysWhy() {
        CanvasFixture f = graph();
        NodeView t = f.view("t");
        PortView out = t.outputs().get("out");
        Point2D from = t.anchor("out", false);
        f.press(out, f.screen(from.getX(), from.getY()), false, 1);

        PortView bIn = f.view("b").inputs().get("in");
        assertTrue(bIn.getPseudoClassStates().contains(CanvasStyles.INCOMPATIBLE));
        assertEquals("b.in expects float32 but t.out gives int64", bIn.refusal());

        Point2D to = f.view("b").anchor("in", true);
        long revision = f.stack.revision();
        f.drag(out, f.screen(to.getX(), to.getY()));
        f.release(out, f.screen(to.getX(), to.getY()));
        assertEquals(revision, f.stack.revision());
        CanvasMessage m = f.canvas.messageProperty().get();
        assertEquals(CanvasMessage.Kind.REFUSED, m.kind());
        assertEquals("b.in expects float32 but t.out gives int64", m.text());
        assertFalse(bIn.getPseudoClassStates().contains(CanvasStyles.INCOMPATIBLE));
        assertNull(bIn.refusal());
    }

    @Test
    void fedInputsCyclesAndExtraChecksAreRefusedWithReasons() {
        CanvasFixture f = graph();
        f.wire("a", "out", "b", "in");
        ConnectionRules rules = f.canvas.rules();
        assertEquals(Optional.of("input a.in is already connected to s.out"),
                rules.refusal(new PortRef("b", "out"), new PortRef("a", "in"), ConnectionCheck.NONE));
        f.doc.removeWire(f.doc.wireInto(new PortRef("a", "in")).get().id());
        assertEquals(Optional.of("cannot connect b.out to a.in: it would close a cycle"),
                rules.refusal(new PortRef("b", "out"), new PortRef("a", "in"), ConnectionCheck.NONE));
        assertEquals(Optional.empty(),
                rules.refusal(new PortRef("b", "out"), new PortRef("c", "a"), ConnectionCheck.NONE));

        f.canvas.connectionCheckProperty().set((from, to) -> Optional.of("shape mismatch at " + to));
        assertFalse(f.canvas.connect(new PortRef("b", "out"), new PortRef("c", "a")));
        assertEquals("shape mismatch at c.a", f.canvas.messageProperty().get().text());
        long serial = f.canvas.messageProperty().get().serial();
        assertFalse(f.canvas.connect(new PortRef("b", "out"), new PortRef("c", "a")));
        assertEquals(serial + 1, f.canvas.messageProperty().get().serial());
    }

    @Test
    void wheelZoomKeepsThePointUnderTheCursor() {
        CanvasFixture f = graph();
        Point2D cursor = new Point2D(300, 200);
        Point2D before = f.canvas.screenToCanvas(cursor);
        f.canvas.viewport().zoomAround(cursor, 1.7);
        Point2D after = f.canvas.screenToCanvas(cursor);
        assertEquals(before.getX(), after.getX(), 1e-9);
        assertEquals(before.getY(), after.getY(), 1e-9);
        assertEquals(1.7, f.canvas.getZoom(), 1e-12);
        f.canvas.zoomOut();
        assertEquals(1.7 / dev.tensorloom.canvas.state.Viewport.ZOOM_STEP, f.canvas.getZoom(), 1e-12);
    }

    @Test
    void moveCommandOfACollapsedGroupMovesItsMembers() {
        CanvasFixture f = graph();
        f.canvas.select(List.of("a", "b"));
        f.canvas.groupSelection();
        String group = f.doc.requireNode("a").group();
        f.stack.push(new dev.tensorloom.model.command.SetCollapsed(group, true));
        UndoStack stack = f.stack;
        MoveNodes move = CanvasItems.moveCommand(f.doc, java.util.Map.of(group, new Position(300, 50))).orElseThrow();
        stack.push(move);
        assertInstanceOf(MoveNodes.class, move);
        assertEquals(new Position(300, 50), f.doc.requireNode("a").position());
        assertEquals(new Position(550, 50), f.doc.requireNode("b").position());
        assertEquals(300, f.view(group).getLayoutX());
    }
}
