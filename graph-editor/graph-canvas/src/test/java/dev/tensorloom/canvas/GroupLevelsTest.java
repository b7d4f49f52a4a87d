package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.command.GroupNodes;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Groups as blocks on the canvas: a collapsed group's ports are the wires crossing its edge (one input per
 * outside source, one output per inner port read outside) and those wires attach to them; groups nest and each
 * level is opened in turn; edits made inside an open group land in it; undoing the grouping while inside it
 * goes back up.
 */
@ExtendWith(FxThreadExtension.class)
class GroupLevelsTest {

    private CanvasFixture residual() {
        return CanvasFixture.residual();
    }

    @Test
    void aCollapsedGroupHasAPortPerCrossingSourceAndItsWiresAttachThere() {
        CanvasFixture f = residual();
        f.canvas.select(Set.of("a", "b", "sum"));
        f.canvas.groupSelection();
        String group = f.canvas.selection().iterator().next();
        assertTrue(f.doc.group(group).orElseThrow().collapsed(), "Group makes a block");
        f.show();
        NodeView block = f.view(group);
        assertNotNull(block);
        assertEquals(List.of("in"), List.copyOf(block.inputs().keySet()),
                "s feeds a and the skip, yet the block has one input");
        assertEquals(List.of("out"), List.copyOf(block.outputs().keySet()));
        WireView in = f.views().wire(f.doc.incoming("a").get(0).id());
        WireView skip = f.views().wire(f.doc.wireInto(new dev.tensorloom.model.doc.PortRef("sum", "b")).orElseThrow().id());
        assertTrue(in.isVisible() && skip.isVisible());
        Point2D port = f.views().shape(group).anchor("in", true);
        assertEquals(port.getX(), in.getEndX());
        assertEquals(port.getY(), in.getEndY());
        assertEquals(in.getEndY(), skip.getEndY(), "both wires end at the one input");
        f.stack.undo();
        assertNull(f.view(group));
        assertNotNull(f.view("a"));
    }

    @Test
    void groupsNestAndEachLevelOpensInTurn() {
        CanvasFixture f = residual();
        GroupNodes inner = new GroupNodes(List.of("a", "b"), "Inner", true);
        f.stack.push(inner);
        GroupNodes outer = new GroupNodes(List.of(inner.groupId(), "sum"), "Outer", true);
        f.stack.push(outer);
        f.show();
        assertEquals(Set.of("s", outer.groupId(), "c"), f.views().itemIds());
        f.canvas.openGroup(outer.groupId());
        f.show();
        assertEquals(Set.of(inner.groupId(), "sum"), f.views().itemIds(), "inside Outer: Inner and sum");
        f.canvas.openGroup(inner.groupId());
        f.show();
        assertEquals(Set.of("a", "b"), f.views().itemIds());
        f.canvas.selectAll();
        assertEquals(Set.of("a", "b"), f.canvas.selection(), "select all takes what this level shows");

        String added = f.canvas.addNode("lin", new Point2D(300, 200));
        assertEquals(inner.groupId(), f.doc.requireNode(added).group(), "a block added inside lands inside");
        f.stack.undo();
        f.canvas.closeGroup();
        assertEquals(outer.groupId(), f.canvas.getScope());
        f.stack.undo();
        assertNull(f.canvas.getScope(), "undoing Outer while inside it goes back to the top");
        f.show();
        assertNotNull(f.view(inner.groupId()));
    }
}
