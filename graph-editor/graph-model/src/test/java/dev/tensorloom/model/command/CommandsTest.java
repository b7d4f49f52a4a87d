package dev.tensorloom.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.doc.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private Document doc;
    private UndoStack stack;

    @BeforeEach
    void chain() {
        doc = new Document();
        doc.addNode(new Node("in1", "input", "Input", Map.of("dim", 64L), new Position(0, 0), null));
        doc.addNode(new Node("fc1", "linear", "FC", Map.of("out", 128L), new Position(100, 0), null));
        doc.addNode(new Node("relu1", "relu", "ReLU", Map.of(), new Position(200, 0), null));
        doc.addWire(new Wire("w1", new PortRef("in1", "out"), new PortRef("fc1", "in")));
        doc.addWire(new Wire("w2", new PortRef("fc1", "out"), new PortRef("relu1", "in")));
        stack = new UndoStack(doc);
    }

    /** Pushes, checks undo restores the start and redo the end exactly, and leaves the end state. */
    private Document.Snapshot roundTrip(Command c) {
        Document.Snapshot before = doc.snapshot();
        stack.push(c);
        Document.Snapshot after = doc.snapshot();
        stack.undo();
        assertEquals(before, doc.snapshot(), "undo of " + c.description());
        stack.redo();
        assertEquals(after, doc.snapshot(), "redo of " + c.description());
        return after;
    }

    private void assertRefused(Command c, String messagePart) {
        Document.Snapshot before = doc.snapshot();
        long revision = stack.revision();
        GraphEditException e = assertThrows(GraphEditException.class, () -> stack.push(c));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertEquals(before, doc.snapshot());
        assertEquals(revision, stack.revision());
    }

    @Test
    void addNode() {
        roundTrip(new AddNode(Node.of("fc2", "linear")));
        assertTrue(doc.containsNode("fc2"));
        assertRefused(new AddNode(Node.of("fc2", "linear")), "already exists");
        assertRefused(new AddNode(Node.of("x", "linear").withParam("bad", Double.NaN)), "non-finite");
        assertRefused(new AddNode(Node.of("y", "linear").withGroup("nope")), "no group 'nope'");
    }

    @Test
    void removeNodesRestoresWiresExactly() {
        roundTrip(new RemoveNodes(List.of("fc1")));
        assertFalse(doc.containsNode("fc1"));
        assertTrue(doc.wires().isEmpty());
        stack.undo();
        assertEquals(List.of("w1", "w2"), doc.wires().stream().map(Wire::id).toList());
    }

    @Test
    void removeNodesRollsBackWhenOneIsMissing() {
        assertRefused(new RemoveNodes(List.of("fc1", "zz")), "no node 'zz'");
    }

    @Test
    void connectAndDisconnect() {
        Connect c = new Connect(new PortRef("in1", "out"), new PortRef("relu1", "skip"));
        roundTrip(c);
        assertEquals("w3", c.wireId());
        roundTrip(new Disconnect("w3"));
        assertTrue(doc.wire("w3").isEmpty());
        assertRefused(new Disconnect("w3"), "no wire 'w3'");
    }

    @Test
    void connectRefusesCycleAndFedInput() {
        assertRefused(new Connect(new PortRef("relu1", "out"), new PortRef("in1", "in")), "cycle");
        assertRefused(new Connect(new PortRef("relu1", "out"), new PortRef("fc1", "in")), "already connected");
        assertRefused(new Connect(new PortRef("nope", "out"), new PortRef("fc1", "x")), "missing node 'nope'");
    }

    @Test
    void setParameter() {
        roundTrip(new SetParameter("fc1", "out", 256L));
        assertEquals(256L, doc.requireNode("fc1").param("out"));
        roundTrip(new SetParameter("fc1", "out", null));
        assertNull(doc.requireNode("fc1").param("out"));
        roundTrip(new SetParameter("fc1", "dims", List.of(1L, 2.5, "x", true)));
        assertRefused(new SetParameter("fc1", "p", Double.POSITIVE_INFINITY), "non-finite");
        assertRefused(new SetParameter("fc1", "p", Map.of()), "cannot be");
        assertRefused(new SetParameter("zz", "p", 1L), "no node 'zz'");
    }

    @Test
    void moveNodesIsOneCommandForAWholeDrag() {
        MoveNodes move = MoveNodes.by(doc, List.of("fc1", "relu1"), 10, -5);
        roundTrip(move);
        assertEquals(new Position(110, -5), doc.requireNode("fc1").position());
        assertEquals(new Position(210, -5), doc.requireNode("relu1").position());
        assertEquals("Move 2 nodes", stack.undoDescription().orElseThrow());
        assertRefused(new MoveNodes(Map.of("fc1", new MoveNodes.Move(Position.ORIGIN, new Position(1, 1)),
                "zz", new MoveNodes.Move(Position.ORIGIN, Position.ORIGIN))), "no node 'zz'");
    }

    @Test
    void renameNodeAndGroup() {
        roundTrip(new Rename("fc1", "Projection"));
        assertEquals("Projection", doc.requireNode("fc1").label());
        GroupNodes g = new GroupNodes(List.of("fc1"), "Block");
        stack.push(g);
        roundTrip(new Rename(g.groupId(), "MLP"));
        assertEquals("MLP", doc.group(g.groupId()).orElseThrow().label());
        assertRefused(new Rename("fc1", " "), "empty");
        assertRefused(new Rename("zz", "x"), "no node or group 'zz'");
    }

    @Test
    void groupUngroupAndCollapse() {
        GroupNodes g = new GroupNodes(List.of("fc1", "relu1"), "MLP");
        roundTrip(g);
        assertEquals("group1", g.groupId());
        assertEquals("group1", doc.requireNode("relu1").group());
        roundTrip(new SetCollapsed("group1", true));
        assertTrue(doc.group("group1").orElseThrow().collapsed());
        roundTrip(new Ungroup("group1"));
        assertTrue(doc.groups().isEmpty());
        assertNull(doc.requireNode("fc1").group());
        assertRefused(new GroupNodes(List.of("fc1", "zz"), "x"), "no node 'zz'");
        assertRefused(new GroupNodes(List.of(), "x"), "at least one");
        assertRefused(new SetCollapsed("nope", true), "no group 'nope'");
        assertRefused(new Ungroup("nope"), "no group 'nope'");
    }

    @Test
    void pasteGivesFreshIdsAndOffset() {
        stack.push(new GroupNodes(List.of("fc1", "relu1"), "MLP"));
        Fragment copied = Fragment.copyOf(doc, List.of("fc1", "relu1"));
        assertEquals(1, copied.wires().size(), "only the wire inside the selection");
        Paste paste = new Paste(copied, 20, 20);
        roundTrip(paste);
        assertEquals("fc2", paste.newIds().get("fc1"));
        assertEquals("relu2", paste.newIds().get("relu1"));
        assertEquals("group2", paste.newIds().get("group1"));
        Node fc2 = doc.requireNode("fc2");
        assertEquals(new Position(120, 20), fc2.position());
        assertEquals("group2", fc2.group());
        assertEquals("FC", fc2.label());
        assertTrue(doc.wires().stream().anyMatch(w -> w.from().equals(new PortRef("fc2", "out"))
                && w.to().equals(new PortRef("relu2", "in"))));
    }

    @Test
    void setTrainingConfig() {
        roundTrip(new SetTrainingConfig(TrainingConfig.DEFAULT.withBatchSize(8)));
        assertEquals(8, doc.config().batchSize());
    }

    @Test
    void compoundUndoesInReverseAndRollsBack() {
        // "insert relu on wire w1": disconnect, add, connect twice
        CompoundCommand insert = new CompoundCommand("Insert node", List.of(new Disconnect("w1"),
                new AddNode(Node.of("act1", "relu")),
                new Connect(new PortRef("in1", "out"), new PortRef("act1", "in")),
                new Connect(new PortRef("act1", "out"), new PortRef("fc1", "in"))));
        roundTrip(insert);
        assertEquals("Insert node", stack.undoDescription().orElseThrow());
        assertTrue(doc.wireInto(new PortRef("fc1", "in")).orElseThrow().from().nodeId().equals("act1"));

        CompoundCommand failing = new CompoundCommand("Broken", List.of(new AddNode(Node.of("a9", "relu")),
                new SetParameter("a9", "k", 1L),
                new Connect(new PortRef("relu1", "out"), new PortRef("in1", "in"))));
        assertRefused(failing, "cycle");
    }

    @Test
    void executedCommandCannotBeExecutedTwice() {
        AddNode add = new AddNode(Node.of("n9", "relu"));
        stack.push(add);
        assertThrows(IllegalStateException.class, () -> stack.push(add));
    }
}
