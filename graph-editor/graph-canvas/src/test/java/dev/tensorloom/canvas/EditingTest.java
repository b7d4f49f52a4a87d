package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.PortView;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FxThreadExtension.class)
class EditingTest {
    private CanvasFixture chain() {
        CanvasFixture f = new CanvasFixture().node("s", "src", 0, 0).node("lin1", "lin", 250, 0)
                .node("lin2", "lin", 500, 0).wire("s", "out", "lin1", "in").wire("lin1", "out", "lin2", "in");
        f.show();
        return f;
    }

    @Test
    void copyThenPasteGivesFreshIdsOffsetAndOneUndoableCommand() {
        CanvasFixture f = chain();
        f.canvas.select(List.of("lin1", "lin2"));
        String json = f.canvas.copySelection();
        assertTrue(json.contains("\"lin1\""));

        long revision = f.stack.revision();
        assertTrue(f.canvas.paste(json));
        assertEquals(revision + 1, f.stack.revision());
        assertEquals(5, f.doc.nodeCount());
        Set<String> pasted = new HashSet<>(f.canvas.selection());
        assertEquals(2, pasted.size());
        assertFalse(pasted.contains("lin1") || pasted.contains("lin2"));
        for (String id : pasted) {
            Node n = f.doc.requireNode(id);
            assertTrue(n.position().equals(new Position(290, 40)) || n.position().equals(new Position(540, 40)), id);
            assertNotNull(f.view(id));
        }
        // The wire between the copied nodes came along; the one from outside did not.
        assertEquals(3, f.doc.wires().size());
        f.stack.undo();
        assertEquals(3, f.doc.nodeCount());
        assertEquals(2, f.doc.wires().size());
    }

    @Test
    void pasteRefusesTextThatIsNotAProject() {
        CanvasFixture f = chain();
        long revision = f.stack.revision();
        assertFalse(f.canvas.paste("hello world"));
        assertEquals(revision, f.stack.revision());
        CanvasMessage m = f.canvas.messageProperty().get();
        assertEquals(CanvasMessage.Kind.REFUSED, m.kind());
        assertTrue(m.text().startsWith("the clipboard does not hold Tensorloom blocks"), m.text());
    }

    @Test
    void deleteSelectionRemovesNodesAndWiresInOneCommand() {
        CanvasFixture f = chain();
        f.canvas.select(List.of("lin1"));
        f.canvas.deleteSelection();
        assertFalse(f.doc.containsNode("lin1"));
        assertTrue(f.doc.wires().isEmpty());
        assertNull(f.view("lin1"));
        assertTrue(f.canvas.selection().isEmpty());
        assertTrue(f.views().wireIds().isEmpty());
        f.stack.undo();
        assertTrue(f.doc.containsNode("lin1"));
        assertEquals(2, f.views().wireIds().size());
    }

    @Test
    void groupAndUngroupSelection() {
        CanvasFixture f = chain();
        f.canvas.select(List.of("lin1", "lin2"));
        f.canvas.groupSelection();
        String group = f.doc.requireNode("lin1").group();
        assertNotNull(group);
        assertEquals(group, f.doc.requireNode("lin2").group());
        f.canvas.select(List.of("lin1"));
        f.canvas.ungroupSelection();
        assertNull(f.doc.requireNode("lin2").group());
        assertTrue(f.doc.group(group).isEmpty());
    }

    @Test
    void addNodeUsesDefaultsAFreshIdAndTheGivenPoint() {
        CanvasFixture f = chain();
        String id = f.canvas.addNode("lin", new Point2D(120, 340));
        assertEquals("lin3", id);
        Node n = f.doc.requireNode(id);
        assertEquals(8L, n.param("out_features"), "the test catalog's default");
        assertEquals(new Position(120, 340), n.position());
        assertEquals(Set.of(id), f.canvas.selection());

        assertNull(f.canvas.addNode("nope", new Point2D(0, 0)));
        assertEquals("unknown block type 'nope'", f.canvas.messageProperty().get().text());
    }

    @Test
    void pastingTwiceOrAddingTwiceAtOnePointNeverStacksNodesOnEachOther() {
        CanvasFixture f = chain();
        f.canvas.select(List.of("lin1"));
        String json = f.canvas.copySelection();
        f.canvas.paste(json);
        Position firstPaste = f.doc.requireNode(f.canvas.selection().iterator().next()).position();
        f.canvas.paste(json);
        Position secondPaste = f.doc.requireNode(f.canvas.selection().iterator().next()).position();
        assertEquals(new Position(290, 40), firstPaste);
        assertEquals(new Position(330, 80), secondPaste, "one more step on, not on top of the first copy");

        Position a = f.doc.requireNode(f.canvas.addNode("lin", new Point2D(120, 340))).position();
        Position b = f.doc.requireNode(f.canvas.addNode("lin", new Point2D(120, 340))).position();
        Position c = f.doc.requireNode(f.canvas.addNode("lin", new Point2D(120, 340))).position();
        assertEquals(new Position(120, 340), a);
        assertEquals(new Position(160, 380), b);
        assertEquals(new Position(200, 420), c);
        f.stack.undo();
        f.stack.undo();
        assertEquals(new Position(160, 380),
                f.doc.requireNode(f.canvas.addNode("lin", new Point2D(120, 340))).position(), "the spot is free again");
    }

    @Test
    void rightClickMenusDisconnectAPortAndDeleteABlockEachUndoable() {
        CanvasFixture f = chain();
        PortView lin2In = port(f, "lin2", "in");
        List<MenuItem> portMenu = f.canvas.menus().itemsFor(lin2In);
        assertEquals(List.of("Disconnect"), portMenu.stream().map(MenuItem::getText).toList());
        portMenu.get(0).fire();
        assertEquals(1, f.doc.wires().size(), "the wire into lin2.in is gone");
        assertTrue(f.doc.wires().stream().noneMatch(w -> w.to().equals(new PortRef("lin2", "in"))));
        assertTrue(f.canvas.menus().itemsFor(lin2In).get(0).isDisable(), "nothing left to disconnect there");
        f.stack.undo();
        assertEquals(2, f.doc.wires().size());

        // Right-click on a block not selected selects it, then Delete removes it.
        f.canvas.select(List.of("s"));
        List<MenuItem> blockMenu = f.canvas.menus().itemsFor(f.view("lin1"));
        assertEquals(Set.of("lin1"), f.canvas.selection());
        MenuItem delete = blockMenu.stream().filter(i -> "Delete".equals(i.getText())).findFirst().orElseThrow();
        delete.fire();
        assertFalse(f.doc.containsNode("lin1"));
        f.stack.undo();
        assertTrue(f.doc.containsNode("lin1"));

        List<String> canvasMenu = f.canvas.menus().itemsFor(f.canvas).stream().filter(MenuItem::isVisible)
                .map(MenuItem::getText).toList();
        assertEquals(List.of("Select all", "Auto-layout", "Zoom to fit"), canvasMenu);
    }

    private static PortView port(CanvasFixture f, String node, String name) {
        return f.view(node).lookupAll(".input-port").stream().map(PortView.class::cast)
                .filter(p -> p.ref().equals(new PortRef(node, name))).findFirst().orElseThrow();
    }
}
