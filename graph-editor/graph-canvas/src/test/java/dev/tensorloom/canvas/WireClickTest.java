package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.doc.PortRef;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** #20 first hour: a wire takes clicks (a few pixels either side), Delete removes it, its menu acts. */
@ExtendWith(FxThreadExtension.class)
class WireClickTest {
    /** s → a, with b beside a; the wire s.out → a.in runs through the gap between s and a. */
    private CanvasFixture graph() {
        CanvasFixture f = new CanvasFixture().node("s", "src", 0, 0).node("a", "lin", 250, 0).node("b", "lin", 500, 0)
                .wire("s", "out", "a", "in");
        f.show();
        return f;
    }

    private static String wireId(CanvasFixture f) {
        return f.doc.wireInto(new PortRef("a", "in")).orElseThrow().id();
    }

    /** The middle of a wire's curve, in canvas units. */
    private static Point2D middle(WireView w) {
        return new Point2D((w.getStartX() + 3 * w.getControlX1() + 3 * w.getControlX2() + w.getEndX()) / 8,
                (w.getStartY() + 3 * w.getControlY1() + 3 * w.getControlY2() + w.getEndY()) / 8);
    }

    /** Scene point {@code dy} screen pixels below the middle of the wire. */
    private static Point2D besideMiddle(CanvasFixture f, double dy) {
        Point2D m = middle(f.views().wire(wireId(f)));
        Point2D scene = f.screen(m.getX(), m.getY());
        return new Point2D(scene.getX(), scene.getY() + dy);
    }

    private static void key(CanvasFixture f, KeyCode code) {
        Event.fireEvent(f.canvas, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
    }

    @Test
    void aClickNearAWireSelectsItAndClearsTheBlocks() {
        CanvasFixture f = graph();
        WireView view = f.views().wire(wireId(f));
        assertTrue(view.isVisible() && view.getParent() != null, "the wire is shown");
        f.canvas.select(List.of("b"));

        CanvasFixture.click(f.canvas, besideMiddle(f, 4));
        assertEquals(wireId(f), f.canvas.selectedWireProperty().get(), "4 px beside the curve still hits it");
        assertTrue(f.canvas.selection().isEmpty(), "a wire and blocks are not selected together");
        assertTrue(view.getPseudoClassStates().contains(CanvasStyles.SELECTED), "the wire is highlighted");
        assertFalse(f.view("b").getPseudoClassStates().contains(CanvasStyles.SELECTED));

        f.press(f.view("b"), f.screen(510, 10), false, 1);
        f.release(f.view("b"), f.screen(510, 10));
        assertEquals(Set.of("b"), f.canvas.selection());
        assertNull(f.canvas.selectedWireProperty().get(), "selecting a block clears the wire");
        assertFalse(view.getPseudoClassStates().contains(CanvasStyles.SELECTED));

        CanvasFixture.click(f.canvas, besideMiddle(f, 0));
        assertEquals(wireId(f), f.canvas.selectedWireProperty().get());
        CanvasFixture.click(f.canvas, besideMiddle(f, 12));
        assertNull(f.canvas.selectedWireProperty().get(), "12 px away is empty canvas: the click clears");
        CanvasFixture.click(f.canvas, besideMiddle(f, 0));
        key(f, KeyCode.ESCAPE);
        assertNull(f.canvas.selectedWireProperty().get(), "Escape clears the wire too");
    }

    @Test
    void theToleranceFollowsTheZoom() {
        CanvasFixture f = graph();
        f.canvas.setZoom(0.5);
        f.canvas.applyCss();
        f.canvas.layout();
        CanvasFixture.click(f.canvas, besideMiddle(f, WirePicker.TOLERANCE - 1));
        assertEquals(wireId(f), f.canvas.selectedWireProperty().get(), "screen pixels, not canvas units");
    }

    @Test
    void portsAndBlocksKeepTheirPressesAtTheWiresEnds() {
        CanvasFixture f = graph();
        NodeView s = f.view("s");
        Point2D out = s.anchor("out", false);
        // On the output port where the wire starts: a new wire is drawn, the old one is not selected.
        f.press(s.outputs().get("out"), f.screen(out.getX(), out.getY()), false, 1);
        assertTrue(((GraphCanvasSkin) f.canvas.getSkin()).gestures().running());
        assertNull(f.canvas.selectedWireProperty().get());
        f.release(s.outputs().get("out"), f.screen(out.getX(), out.getY()));
        // On the block just beside the wire's end: the block is selected.
        f.press(f.view("a"), f.screen(252, 30), false, 1);
        f.release(f.view("a"), f.screen(252, 30));
        assertEquals(Set.of("a"), f.canvas.selection());
        assertNull(f.canvas.selectedWireProperty().get());
    }

    @Test
    void deleteRemovesTheSelectedWireAndUndoBringsItBack() {
        CanvasFixture f = graph();
        String id = wireId(f);
        CanvasFixture.click(f.canvas, besideMiddle(f, 2));
        key(f, KeyCode.DELETE);
        assertTrue(f.doc.wire(id).isEmpty(), "Delete removes the wire");
        assertTrue(f.doc.containsNode("s") && f.doc.containsNode("a"), "and only the wire");
        assertNull(f.canvas.selectedWireProperty().get(), "a removed wire leaves the selection");
        assertEquals("Disconnect " + id, f.stack.undoDescription().orElseThrow());
        f.stack.undo();
        assertTrue(f.doc.wire(id).isPresent(), "undo restores it");
        f.show();
        assertTrue(f.views().wire(id).isVisible());

        CanvasFixture.click(f.canvas, besideMiddle(f, -2));
        key(f, KeyCode.BACK_SPACE);
        assertTrue(f.doc.wire(id).isEmpty(), "Backspace does the same");
    }

    @Test
    void theWiresMenuDeletesItAndSelectsEitherEnd() {
        CanvasFixture f = graph();
        String id = wireId(f);
        Point2D local = f.canvas.sceneToLocal(besideMiddle(f, 3));
        List<MenuItem> menu = f.canvas.menus().itemsFor(f.canvas, local);
        assertEquals(id, f.canvas.selectedWireProperty().get(), "right-click selects the wire");
        assertEquals(List.of("Delete wire", "Select source: s", "Select target: a"),
                menu.stream().filter(i -> i.getText() != null).map(MenuItem::getText).toList());

        item(menu, "canvas-menu-wire-source").fire();
        assertEquals(Set.of("s"), f.canvas.selection());
        assertNull(f.canvas.selectedWireProperty().get());
        // Selecting an end may centre the view on it: the wire is found where it is drawn now.
        f.show();
        item(f.canvas.menus().itemsFor(f.canvas, f.canvas.sceneToLocal(besideMiddle(f, 3))), "canvas-menu-wire-target")
                .fire();
        assertEquals(Set.of("a"), f.canvas.selection());

        f.show();
        item(f.canvas.menus().itemsFor(f.canvas, f.canvas.sceneToLocal(besideMiddle(f, 3))), "canvas-menu-delete-wire")
                .fire();
        assertTrue(f.doc.wire(id).isEmpty());
        assertTrue(f.doc.containsNode("a"), "Delete wire keeps the blocks");
        f.stack.undo();
        assertTrue(f.doc.wire(id).isPresent());

        f.show();
        Point2D empty = f.canvas.sceneToLocal(f.screen(380, 300));
        assertFalse(f.canvas.menus().itemsFor(f.canvas, empty).stream().anyMatch(i -> "Delete wire".equals(i.getText())),
                "away from wires the canvas menu shows");
    }

    private static MenuItem item(List<MenuItem> menu, String id) {
        return menu.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
