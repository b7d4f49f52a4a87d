package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.command.GroupNodes;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nested groups and embedded blocks survive a save and a load, byte for byte; bad nesting is located. */
class NestedGroupsFileTest {

    private static Project project() {
        Document doc = new Document();
        doc.addNode(new Node("a", "linear", "a", Map.of("out_features", 8L), new Position(0, 0), null));
        doc.addNode(new Node("b", "relu", "b", Map.of(), new Position(100, 0), null));
        doc.addNode(new Node("c", "linear", "c", Map.of("out_features", 8L), new Position(200, 0), null));
        doc.addWire(new Wire("w1", new PortRef("a", "out"), new PortRef("b", "in")));
        doc.addWire(new Wire("w2", new PortRef("b", "out"), new PortRef("c", "in")));
        UndoStack stack = new UndoStack(doc);
        GroupNodes inner = new GroupNodes(List.of("a", "b"), "Inner", true);
        stack.push(inner);
        GroupNodes outer = new GroupNodes(List.of(inner.groupId(), "c"), "Outer", true);
        stack.push(outer);
        SavedBlock block = SavedBlock.fromGroup(doc, outer.groupId(), "outer-block", "Outer block");
        doc.putGroup(doc.group(outer.groupId()).orElseThrow().withBlock("outer-block"));
        return new Project("nested", doc, Map.of("outer-block", block));
    }

    @Test
    void nestedGroupsAndBlocksRoundTripByteForByte() throws Exception {
        Project p = project();
        String json = ProjectWriter.toJson(p);
        assertTrue(json.contains("\"parent\": \"group2\""), json);
        assertTrue(json.contains("\"block\": \"outer-block\""), json);
        assertTrue(json.contains("\"blocks\": {"), json);
        Project back = ProjectReader.fromJson(json, "nested.tlm");
        assertEquals(p.document().snapshot(), back.document().snapshot());
        assertEquals(p.blocks(), back.blocks());
        assertEquals(json, ProjectWriter.toJson(back));
    }

    @Test
    void aProjectWithoutBlocksWritesNoBlocksSection() {
        assertTrue(!ProjectWriter.toJson(new Project("plain", new Document())).contains("blocks"));
    }

    @Test
    void badNestingIsLocated() {
        String unknown = "{\"formatVersion\": 3, \"graph\": {\"groups\": {\"g1\": {\"label\": \"G\", \"parent\": \"zz\"}}}}";
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectReader.fromJson(unknown, "n.tlm"));
        assertTrue(e.getMessage().startsWith("n.tlm:1:") && e.getMessage().endsWith("group 'g1' sits in unknown group 'zz'"),
                e.getMessage());
        String loop = "{\"formatVersion\": 3, \"graph\": {\"groups\": {\"g1\": {\"parent\": \"g2\"}, \"g2\": {\"parent\": \"g1\"}}}}";
        e = assertThrows(ProjectFileException.class, () -> ProjectReader.fromJson(loop, "n.tlm"));
        assertTrue(e.getMessage().contains("group 'g1' is nested in itself (through 'g2')"), e.getMessage());
        String self = "{\"formatVersion\": 3, \"graph\": {\"groups\": {\"g1\": {\"parent\": \"g1\"}}}}";
        e = assertThrows(ProjectFileException.class, () -> ProjectReader.fromJson(self, "n.tlm"));
        assertTrue(e.getMessage().endsWith("group 'g1' is nested in itself"), e.getMessage());
        String empty = "{\"formatVersion\": 3, \"blocks\": {\"b1\": {\"title\": \"B\", \"graph\": {}}}}";
        e = assertThrows(ProjectFileException.class, () -> ProjectReader.fromJson(empty, "n.tlm"));
        assertTrue(e.getMessage().contains("holds no nodes: block 'b1' would be empty"), e.getMessage());
    }
}
