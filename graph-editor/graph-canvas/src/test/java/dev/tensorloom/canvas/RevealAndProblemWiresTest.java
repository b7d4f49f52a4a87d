package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.command.Connect;
import dev.tensorloom.model.command.Disconnect;
import dev.tensorloom.model.command.GroupNodes;
import dev.tensorloom.model.doc.PortRef;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two things the studio's problems list asks of the canvas: wires into marked input ports carry
 * {@link CanvasStyles#WIRE_PROBLEM} (also wires built later, and until the mark is cleared), and
 * {@link GraphCanvas#reveal} selects a node, or the group it is seen as, and centres the view on it. Each step
 * runs as its own FX-thread task, so what a step queued (a level's fit) has run before the next step looks.
 */
class RevealAndProblemWiresTest {
    private static final PortRef B_IN = new PortRef("b", "in");
    private static final PortRef SUM_B = new PortRef("sum", "b");

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxThreadExtension.startToolkit();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return FxThreadExtension.call(work);
    }

    private static WireView wireInto(CanvasFixture f, PortRef input) {
        return f.views().wire(f.doc.wireInto(input).orElseThrow().id());
    }

    @Test
    void aMarkedInputMarksTheWireIntoItUntilTheMarkIsCleared() throws Exception {
        CanvasFixture f = fx(CanvasFixture::residual);
        fx(() -> {
            assertFalse(wireInto(f, B_IN).isProblem(), "no wire is marked at first");
            f.canvas.setProblemInputs(Set.of(B_IN));
            assertTrue(wireInto(f, B_IN).getStyleClass().contains(CanvasStyles.WIRE_PROBLEM));
            assertFalse(wireInto(f, SUM_B).isProblem(), "only the wire into the marked input");
            f.canvas.setProblemInputs(Set.of());
            assertFalse(wireInto(f, B_IN).isProblem(), "an empty set clears the mark");
            return null;
        });
    }

    @Test
    void wiresBuiltLaterCarryTheMarkToo() throws Exception {
        CanvasFixture f = fx(CanvasFixture::residual);
        fx(() -> {
            f.canvas.setProblemInputs(Set.of(SUM_B));
            // The wire is replaced by a new one into the same input: its view is built after the mark was set.
            WireView old = wireInto(f, SUM_B);
            f.stack.push(new Disconnect(old.wire().id()));
            f.stack.push(new Connect(new PortRef("a", "out"), SUM_B));
            WireView fresh = wireInto(f, SUM_B);
            assertTrue(fresh != old && fresh.wire().from().equals(new PortRef("a", "out")), "a new view of the new wire");
            assertTrue(fresh.isProblem(), "a wire view built later reads the marks");
            // Grouping rebuilds every wire view; the marks stay.
            f.stack.push(new GroupNodes(List.of("a", "b", "sum"), "Block", true));
            f.show();
            assertTrue(wireInto(f, SUM_B).isProblem());
            return null;
        });
    }

    @Test
    void revealSelectsTheNodeAndCentresItAtAReadableZoom() throws Exception {
        CanvasFixture f = fx(CanvasFixture::residual);
        fx(() -> {
            f.canvas.setZoom(0.1);
            f.canvas.viewport().panXProperty().set(-3000);
            f.canvas.reveal("c");
            assertEquals(Set.of("c"), f.canvas.selection());
            assertTrue(f.canvas.getZoom() >= ViewportFit.MIN_READABLE_ZOOM, "zoomed in to read: " + f.canvas.getZoom());
            assertCentred(f, "c");
            double zoom = f.canvas.getZoom();
            f.canvas.reveal("a");
            assertEquals(Set.of("a"), f.canvas.selection());
            assertEquals(zoom, f.canvas.getZoom(), "a readable zoom is kept");
            assertCentred(f, "a");
            f.canvas.reveal("nobody");
            assertEquals(Set.of("a"), f.canvas.selection(), "an unknown id changes nothing");
            return null;
        });
    }

    @Test
    void aNodeInACollapsedGroupIsShownAsThatGroupAndANodeOutsideTheLevelOpensItsOwn() throws Exception {
        CanvasFixture f = fx(CanvasFixture::residual);
        GroupNodes group = new GroupNodes(List.of("a", "b", "sum"), "Block", true);
        fx(() -> {
            f.stack.push(group);
            f.show();
            f.canvas.reveal("b");
            assertEquals(Set.of(group.groupId()), f.canvas.selection(), "the group the user can see is selected");
            assertNull(f.canvas.getScope(), "the level shown stays");
            assertCentred(f, group.groupId());
            // From inside the group, a node outside it is at the top level.
            f.canvas.openGroup(group.groupId());
            f.show();
            f.canvas.reveal("c");
            return null;
        });
        fx(() -> {
            f.show();
            assertNull(f.canvas.getScope(), "the top level, where c is, is shown");
            assertEquals(Set.of("c"), f.canvas.selection());
            assertCentred(f, "c");
            return null;
        });
        GroupNodes other = new GroupNodes(List.of("c"), "Head", true);
        fx(() -> {
            // c now sits in a collapsed group of its own; seen from inside Block, it is outside the level shown.
            f.stack.push(other);
            f.canvas.openGroup(group.groupId());
            f.show();
            f.canvas.reveal("c");
            return null;
        });
        fx(() -> {
            f.show();
            assertEquals(other.groupId(), f.canvas.getScope(), "the group that shows c itself is opened");
            assertEquals(Set.of("c"), f.canvas.selection());
            assertCentred(f, "c");
            return null;
        });
    }

    /** The item's box is in the middle of the canvas, to a pixel. */
    private static void assertCentred(CanvasFixture f, String itemId) {
        Bounds box = f.canvas.skinGeometry().bounds(Set.of(itemId));
        var centre = f.canvas.canvasToScreen(new javafx.geometry.Point2D(box.getCenterX(), box.getCenterY()));
        assertEquals(f.canvas.getWidth() / 2, centre.getX(), 1, itemId + " centred across");
        assertEquals(f.canvas.getHeight() / 2, centre.getY(), 1, itemId + " centred down");
    }
}
