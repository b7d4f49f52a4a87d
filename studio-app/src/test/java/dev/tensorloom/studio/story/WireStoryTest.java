package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.GraphCanvas;
import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.PortRef;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.PickResult;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** #20 first hour: a wire takes a click, Delete removes it (undo brings it back), and its menu acts. */
class WireStoryTest extends StudioStoryBase {
    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    private Document doc() {
        return window.viewModel().document();
    }

    private GraphCanvas canvas() {
        return window.editor().canvas();
    }

    /** Screen point {@code dy} pixels below the middle of the drawn wire. */
    private Point2D nearWire(String wireId, double dy) {
        CubicCurve w = robot.lookup("#wire-" + wireId).queryAs(CubicCurve.class);
        AtomicReference<Point2D> at = new AtomicReference<>();
        robot.interact(() -> {
            Point2D middle = new Point2D((w.getStartX() + 3 * w.getControlX1() + 3 * w.getControlX2() + w.getEndX()) / 8,
                    (w.getStartY() + 3 * w.getControlY1() + 3 * w.getControlY2() + w.getEndY()) / 8);
            Point2D screen = w.localToScreen(middle);
            at.set(new Point2D(screen.getX(), screen.getY() + dy));
        });
        return at.get();
    }

    /** Right-clicks the canvas at a screen point (Monocle sends no menu request) and fires the item with this id. */
    private void fireMenuItem(Point2D screen, String itemId) {
        robot.interact(() -> {
            Point2D scene = canvas().getScene().getRoot().screenToLocal(screen);
            Event.fireEvent(canvas(), new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                    scene.getY(), screen.getX(), screen.getY(), false, new PickResult(canvas(), scene.getX(), scene.getY())));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            ContextMenu menu = Window.getWindows().stream().filter(ContextMenu.class::isInstance)
                    .map(ContextMenu.class::cast).filter(Window::isShowing).findFirst()
                    .orElseThrow(() -> new AssertionError("no context menu"));
            MenuItem item = menu.getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + itemId + " in " + menu.getItems()));
            item.fire();
            menu.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aWireTakesAClickDeleteAndItsMenu() throws Exception {
        AtomicReference<String> source = new AtomicReference<>();
        AtomicReference<String> target = new AtomicReference<>();
        robot.interact(() -> {
            source.set(canvas().addNode("input", new Point2D(0, 0)));
            target.set(canvas().addNode("linear", new Point2D(420, 90)));
            assertTrue(canvas().connect(new PortRef(source.get(), "out"), new PortRef(target.get(), "in")));
            canvas().zoomToFit();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String wire = doc().wires().iterator().next().id();
        assertEquals(Set.of(target.get()), canvas().selection(), "the block added last is selected");

        robot.clickOn(nearWire(wire, 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(wire, canvas().selectedWireProperty().get(), "a click 3 px beside the wire selects it");
        assertTrue(canvas().selection().isEmpty(), "and no block");
        CubicCurve drawn = robot.lookup("#wire-" + wire).queryAs(CubicCurve.class);
        assertTrue(drawn.getPseudoClassStates().contains(CanvasStyles.SELECTED), "drawn as selected");

        robot.type(KeyCode.DELETE);
        waitUntil(() -> doc().wire(wire).isEmpty());
        assertTrue(doc().containsNode(source.get()) && doc().containsNode(target.get()), "only the wire went");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> doc().wire(wire).isPresent());

        fireMenuItem(nearWire(wire, -2), "canvas-menu-wire-source");
        assertEquals(Set.of(source.get()), canvas().selection(), "Select source selects the block the wire leaves");
        fireMenuItem(nearWire(wire, 2), "canvas-menu-wire-target");
        assertEquals(Set.of(target.get()), canvas().selection(), "Select target selects the block it enters");
        fireMenuItem(nearWire(wire, 0), "canvas-menu-delete-wire");
        waitUntil(() -> doc().wire(wire).isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> doc().wire(wire).isPresent());
    }
}
