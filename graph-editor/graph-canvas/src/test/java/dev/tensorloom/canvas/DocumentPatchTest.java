package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.command.GroupNodes;
import dev.tensorloom.model.command.MoveNodes;
import dev.tensorloom.model.command.Rename;
import dev.tensorloom.model.command.SetCollapsed;
import dev.tensorloom.model.command.SetParameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FxThreadExtension.class)
class DocumentPatchTest {
    private CanvasFixture chain() {
        CanvasFixture f = new CanvasFixture().node("s", "src", 0, 0).node("a", "lin", 250, 0).node("b", "lin", 500, 0)
                .wire("s", "out", "a", "in").wire("a", "out", "b", "in");
        f.show();
        return f;
    }

    @Test
    void renamePatchesOnlyThatNodeView() {
        CanvasFixture f = chain();
        NodeView s = f.view("s");
        NodeView a = f.view("a");
        NodeView b = f.view("b");

        f.stack.push(new Rename("a", "encoder"));

        assertSame(s, f.view("s"));
        assertSame(a, f.view("a"));
        assertSame(b, f.view("b"));
        assertEquals("encoder", a.titleText());
        assertEquals(1, a.patches());
        assertEquals(0, s.patches());
        assertEquals(0, b.patches());
    }

    @Test
    void moveUndoPatchesOnlyTheMovedNodeAndReroutesItsWires() {
        CanvasFixture f = chain();
        f.stack.push(MoveNodes.by(f.doc, List.of("b"), 40, 70));
        NodeView b = f.view("b");
        assertEquals(540, b.getLayoutX());
        assertEquals(70, b.getLayoutY());
        WireView w = f.views().wire(f.doc.incoming("b").get(0).id());
        assertEquals(540, w.getEndX());
        f.stack.undo();
        assertEquals(500, b.getLayoutX());
        assertEquals(2, b.patches());
        assertEquals(0, f.view("a").patches());
        assertEquals(0, f.view("s").patches());
    }

    @Test
    void parameterChangeRebuildsNothingAndAddOrRemoveTouchOneView() {
        CanvasFixture f = chain();
        NodeView s = f.view("s");
        NodeView a = f.view("a");
        f.stack.push(new SetParameter("a", "out_features", 128L));
        assertSame(a, f.view("a"));
        assertEquals(0, a.patches());

        f.canvas.addNode("lin", new javafx.geometry.Point2D(100, 300));
        assertEquals(4, f.views().itemIds().size());
        assertSame(s, f.view("s"));
        assertNotNull(f.view("lin1"));

        f.stack.undo();
        assertNull(f.view("lin1"));
        assertSame(a, f.view("a"));
        assertEquals(3, f.views().itemIds().size());
    }

    @Test
    void collapsedGroupShowsAsOneViewAndHidesInnerWires() {
        CanvasFixture f = chain();
        GroupNodes group = new GroupNodes(List.of("a", "b"), "block");
        f.stack.push(group);
        f.stack.push(new SetCollapsed(group.groupId(), true));

        assertNull(f.view("a"));
        assertNull(f.view("b"));
        NodeView g = f.view(group.groupId());
        assertNotNull(g);
        assertTrue(g.getStyleClass().contains(CanvasStyles.GROUP_NODE));
        assertEquals(250, g.getLayoutX());
        WireView inner = f.views().wire(f.doc.incoming("b").get(0).id());
        WireView into = f.views().wire(f.doc.incoming("a").get(0).id());
        assertFalse(inner.isVisible());
        assertTrue(into.isVisible());
        assertEquals(250, into.getEndX());

        // A double-click on the collapsed group opens it: its inside is shown, the group stays collapsed.
        f.show();
        f.press(g, f.screen(260, 10), false, 2);
        assertEquals(group.groupId(), f.canvas.getScope());
        assertTrue(f.doc.group(group.groupId()).orElseThrow().collapsed());
        assertNotNull(f.view("a"));
        assertNull(f.view("s"), "what lies outside the open group is not shown");
        assertNull(f.view(group.groupId()));
        assertTrue(f.views().wire(f.doc.incoming("b").get(0).id()).isVisible());
        f.canvas.closeGroup();
        assertNull(f.canvas.getScope());
        assertNotNull(f.view(group.groupId()));
        assertEquals(java.util.Set.of(group.groupId()), f.canvas.selection(), "back up, the group is selected");
    }

    @Test
    void annotationsShowShapesBadgesAndProblems() {
        CanvasFixture f = chain();
        NodeView a = f.view("a");
        f.canvas.setNodeAnnotations(Map.of("a", new NodeAnnotation("8.3K", "512 B", Map.of("out", "[B, 64]"),
                List.of("a.in expects [*, 128], got [B, 64] from s.out"))));
        assertEquals("[B, 64]", a.shapeText("out"));
        assertTrue(a.getPseudoClassStates().contains(CanvasStyles.PROBLEM));
        assertFalse(f.view("b").getPseudoClassStates().contains(CanvasStyles.PROBLEM));

        f.canvas.setNodeStates(Map.of("b", CanvasStyles.STATE_DROPPED));
        assertTrue(f.view("b").getStyleClass().contains("state-dropped"));
        f.canvas.setNodeStates(Map.of("b", CanvasStyles.STATE_KEPT));
        assertFalse(f.view("b").getStyleClass().contains("state-dropped"));
        assertTrue(f.view("b").getStyleClass().contains("state-kept"));

        f.canvas.setNodeAnnotations(Map.of());
        assertEquals("", a.shapeText("out"));
        assertFalse(a.getPseudoClassStates().contains(CanvasStyles.PROBLEM));
    }

    @Test
    void markedNodesGetTheMarkedOutlineAndLoseItWhenUnmarked() {
        CanvasFixture f = chain();
        f.canvas.setMarkedNodes(java.util.Set.of("a"));
        assertTrue(f.view("a").getPseudoClassStates().contains(CanvasStyles.MARKED));
        assertFalse(f.view("b").getPseudoClassStates().contains(CanvasStyles.MARKED));
        // A view rebuilt after the marks were set is dressed with them too.
        f.stack.push(new Rename("a", "encoder"));
        assertTrue(f.view("a").getPseudoClassStates().contains(CanvasStyles.MARKED));
        f.canvas.setMarkedNodes(java.util.Set.of());
        assertFalse(f.view("a").getPseudoClassStates().contains(CanvasStyles.MARKED));
    }
}
