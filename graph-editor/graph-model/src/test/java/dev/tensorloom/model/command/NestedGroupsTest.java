package dev.tensorloom.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.composite.InsertBlock;
import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups in groups: grouping at one level, what each level sees, ungrouping one level up, copying whole groups, saved blocks. */
class NestedGroupsTest {
    private Document doc;
    private UndoStack stack;

    @BeforeEach
    void chain() {
        doc = new Document();
        String previous = null;
        for (String id : List.of("in1", "fc1", "relu1", "fc2", "out1")) {
            doc.addNode(new Node(id, "x", id, Map.of(), new Position(100 * doc.nodeCount(), 10), null));
            if (previous != null) {
                doc.addWire(new Wire("w" + doc.nodeCount(), new PortRef(previous, "out"), new PortRef(id, "in")));
            }
            previous = id;
        }
        stack = new UndoStack(doc);
    }

    private String group(List<String> items, String label) {
        GroupNodes g = new GroupNodes(items, label, true);
        Document.Snapshot before = doc.snapshot();
        stack.push(g);
        Document.Snapshot after = doc.snapshot();
        stack.undo();
        assertEquals(before, doc.snapshot(), "undo of " + g.description());
        stack.redo();
        assertEquals(after, doc.snapshot());
        return doc.group(g.groupId()).map(Group::id).orElseThrow();
    }

    @Test
    void eachLevelSeesTheOutermostCollapsedGroupBelowIt() {
        String inner = group(List.of("fc1", "relu1"), "MLP");
        String outer = group(List.of(inner, "fc2"), "Block");
        Node fc1 = doc.requireNode("fc1");
        assertEquals(List.of(inner, outer), GroupTree.chain(doc, fc1));
        assertEquals(outer, doc.group(inner).orElseThrow().parent());
        assertEquals(Optional.of(outer), GroupTree.owner(doc, fc1, null), "the top level sees the outer block");
        assertEquals(Optional.of(inner), GroupTree.owner(doc, fc1, outer), "inside it, the inner block");
        assertEquals(Optional.of("fc1"), GroupTree.owner(doc, fc1, inner), "inside that, the node");
        assertEquals(Optional.empty(), GroupTree.owner(doc, doc.requireNode("in1"), outer), "in1 is outside");
        assertEquals(List.of("fc1", "fc2", "relu1"), GroupTree.allMembers(doc, outer));
        assertEquals(List.of(outer), GroupTree.children(doc, null));
    }

    @Test
    void groupingRefusesItemsOfDifferentLevels() {
        String inner = group(List.of("fc1", "relu1"), "MLP");
        Document.Snapshot before = doc.snapshot();
        GraphEditException e = assertThrows(GraphEditException.class,
                () -> stack.push(new GroupNodes(List.of("fc1", "fc2"), "x", true)));
        assertTrue(e.getMessage().startsWith("select blocks of one level to group them"), e.getMessage());
        assertEquals(before, doc.snapshot());
        assertTrue(doc.group(inner).isPresent());
    }

    @Test
    void ungroupMovesEverythingOneLevelUp() {
        String inner = group(List.of("fc1", "relu1"), "MLP");
        String outer = group(List.of(inner, "fc2"), "Block");
        Document.Snapshot before = doc.snapshot();
        stack.push(new Ungroup(outer));
        assertNull(doc.group(inner).orElseThrow().parent());
        assertNull(doc.requireNode("fc2").group());
        assertEquals(inner, doc.requireNode("fc1").group());
        stack.undo();
        assertEquals(before, doc.snapshot());
    }

    @Test
    void copyingABlockCopiesItsGroupsAndPastingPlacesItAtTheLevelPastedInto() {
        String inner = group(List.of("fc1", "relu1"), "MLP");
        String outer = group(List.of(inner, "fc2"), "Block");
        Fragment whole = Fragment.copyOf(doc, GroupTree.allMembers(doc, outer));
        assertEquals(2, whole.groups().size(), "both groups are held whole");
        Fragment part = Fragment.copyOf(doc, List.of("fc1", "fc2"));
        assertEquals(List.of(), part.groups(), "neither group is held whole");

        Paste paste = new Paste(whole, 0, 200, outer);
        stack.push(paste);
        String copy = paste.newIds().get(outer);
        assertEquals(outer, doc.group(copy).orElseThrow().parent(), "pasted into the open block");
        assertEquals(copy, doc.group(paste.newIds().get(inner)).orElseThrow().parent());
        assertEquals(paste.newIds().get(inner), doc.requireNode(paste.newIds().get("fc1")).group());
        assertTrue(doc.wire(paste.newIds().get("w3")).isPresent(), "the wire fc1 → relu1 is copied");
    }

    @Test
    void aSavedBlockIsInsertedAsACollapsedGroupOfFreshCopies() {
        String inner = group(List.of("fc1", "relu1"), "MLP");
        String outer = group(List.of(inner, "fc2"), "Block");
        SavedBlock block = SavedBlock.fromGroup(doc, outer, "residual-mlp", "Residual MLP");
        assertEquals(3, block.content().nodes().size());
        assertEquals(new Position(0, 0), block.content().nodes().stream().filter(n -> n.label().equals("fc1"))
                .findFirst().orElseThrow().position(), "places relative to the block's corner");
        assertEquals(2, block.content().wires().size(), "fc1 → relu1 → fc2");
        assertEquals(1, block.content().groups().size());
        assertNull(block.content().groups().get(0).parent(), "the nested group sits directly in the block");

        Document.Snapshot before = doc.snapshot();
        InsertBlock insert = new InsertBlock(block, new Position(500, 300), null);
        stack.push(insert);
        Group made = doc.group(insert.groupId()).orElseThrow();
        assertEquals("Residual MLP", made.label());
        assertEquals("residual-mlp", made.block());
        assertTrue(made.collapsed());
        List<String> members = GroupTree.allMembers(doc, made.id());
        assertEquals(3, members.size());
        assertTrue(members.stream().noneMatch(List.of("fc1", "relu1", "fc2")::contains), "fresh ids");
        assertEquals(1, GroupTree.children(doc, made.id()).size(), "the nested group came along");
        assertTrue(members.stream().map(doc::requireNode).anyMatch(n -> n.position().equals(new Position(500, 300))));
        stack.undo();
        assertEquals(before, doc.snapshot());
    }
}
