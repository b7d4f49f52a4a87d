package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.model.doc.Position;
import org.junit.jupiter.api.Test;

/** One fixture pair per migrator: the old file and the tree it must become. */
class MigrationTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void v1ToV2MatchesFixture() throws Exception {
        ObjectNode v1 = (ObjectNode) mapper.readTree(Fixtures.text("v1-mlp.tlm"));
        JsonNode expected = mapper.readTree(Fixtures.text("v1-mlp.expected-v2.json"));
        assertEquals(expected, new V1ToV2Migrator().migrate(v1));
    }

    @Test
    void v2ToV3MatchesFixture() throws Exception {
        ObjectNode v2 = (ObjectNode) mapper.readTree(Fixtures.text("v2-mlp.tlm"));
        JsonNode expected = mapper.readTree(Fixtures.text("v2-mlp.expected-v3.json"));
        assertEquals(expected, new V2ToV3Migrator().migrate(v2));
    }

    @Test
    void v2GroupsLoadAsTopLevelGroupsMadeFromNoBlock() throws Exception {
        Project old = ProjectReader.fromJson(Fixtures.text("v2-mlp.tlm"), "v2-mlp.tlm");
        var g1 = old.document().group("g1").orElseThrow();
        assertEquals(null, g1.parent());
        assertEquals(null, g1.block());
        assertEquals(java.util.Map.of(), old.blocks());
    }

    @Test
    void v1FileLoadsLikeItsV2Equivalent() throws Exception {
        Project old = ProjectReader.fromJson(Fixtures.text("v1-mlp.tlm"), "v1-mlp.tlm");
        Project same = ProjectReader.fromJson(Fixtures.text("v1-mlp.expected-v2.json"), "v2.tlm");
        assertEquals(same.document().snapshot(), old.document().snapshot());
        assertEquals(new Position(120.5, 0), old.document().requireNode("fc1").position());
        assertEquals(Long.valueOf(64), old.document().requireNode("in1").param("dim"));
    }

    @Test
    void v1DuplicateIdIsLocated() {
        String v1 = "{\"formatVersion\": 1,\n \"nodes\": [{\"id\": \"a\", \"type\": \"x\"},\n"
                + "  {\"id\": \"a\", \"type\": \"y\"}]}";
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectReader.fromJson(v1, "old.tlm"));
        assertEquals("old.tlm:3:10: duplicate id 'a'", e.getMessage());
    }

    @Test
    void v1WiresMustBeAList() {
        ProjectFileException e = assertThrows(ProjectFileException.class,
                () -> ProjectReader.fromJson("{\"formatVersion\": 1, \"wires\": {}}", "old.tlm"));
        assertTrue(e.getMessage().startsWith("old.tlm:1:31: 'wires' must be a list"), e.getMessage());
    }
}
