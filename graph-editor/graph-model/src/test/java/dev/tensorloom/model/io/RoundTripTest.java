package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void fixtureIsExactlyWhatTheWriterWrites() throws Exception {
        String fixture = Fixtures.text("v3-mlp.tlm");
        Project p = ProjectReader.fromJson(fixture, "v3-mlp.tlm");
        assertEquals(fixture, ProjectWriter.toJson(p));
    }

    @Test
    void loadSaveLoadIsStableAndByteIdentical() throws Exception {
        Path first = dir.resolve("a" + ProjectFormat.EXTENSION);
        Files.writeString(first, Fixtures.text("v3-mlp.tlm"));
        Project loaded = ProjectReader.read(first);
        Path second = dir.resolve("b.tlm");
        ProjectWriter.write(loaded, second);
        Project reloaded = ProjectReader.read(second);
        assertEquals(loaded.document().snapshot(), reloaded.document().snapshot());
        assertEquals("Tiny MLP", reloaded.name());
        Path third = dir.resolve("c.tlm");
        ProjectWriter.write(reloaded, third);
        assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(third));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(third));
    }

    @Test
    void paramsKeepTheirJsonTypes() throws Exception {
        Document doc = new Document();
        Map<String, Object> params = Map.of("int", 64L, "double", 64.0, "tiny", 1e-300, "third", 1.0 / 3,
                "big", Long.MAX_VALUE, "neg", -0.5, "flag", true, "name", "gelu \"quoted\" ünï",
                "list", List.of(1L, 2.0, "three", false, List.of(4L)));
        doc.addNode(new Node("n1", "custom", "N", params, new Position(0.1, -1e9), null));
        Project back = ProjectReader.fromJson(ProjectWriter.toJson(new Project("p", doc)), "clip.tlm");
        Node n = back.document().requireNode("n1");
        assertEquals(params, n.params());
        assertInstanceOf(Long.class, n.param("int"));
        assertInstanceOf(Double.class, n.param("double"));
        assertEquals(doc.snapshot(), back.document().snapshot());
        assertTrue(ProjectWriter.toJson(new Project("p", doc)).contains("\"double\": 64.0"));
    }

    @Test
    void nameDefaultsToFileStem() throws Exception {
        Project p = ProjectReader.fromJson("{\"formatVersion\": 2}", "empty-model.tlm");
        assertEquals("empty-model", p.name());
        assertEquals(0, p.document().nodeCount());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        Project p = ProjectReader.fromJson("{\"formatVersion\": 2, \"future\": {\"x\": [1]},"
                + " \"graph\": {\"nodes\": {\"a\": {\"type\": \"relu\", \"colour\": \"red\"}}}}", "f.tlm");
        assertEquals(1, p.document().nodeCount());
    }

    @Test
    void atomicWriteLeavesNoTempFilesAndReplaces() throws Exception {
        Path file = dir.resolve("m.tlm");
        Files.writeString(file, "old");
        Project p = ProjectReader.fromJson(Fixtures.text("v3-mlp.tlm"), "x.tlm");
        ProjectWriter.write(p, file);
        ProjectWriter.write(p, file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).endsWith("}\n"));
    }

    @Test
    void failedWriteNamesTheFileAndLeavesNoTemp() throws Exception {
        Path folder = dir.resolve("taken.tlm");
        Files.createDirectory(folder);
        Files.writeString(folder.resolve("inside"), "x");
        Project p = ProjectReader.fromJson(Fixtures.text("v3-mlp.tlm"), "x.tlm");
        ProjectFileException e = org.junit.jupiter.api.Assertions.assertThrows(ProjectFileException.class,
                () -> ProjectWriter.write(p, folder));
        assertTrue(e.getMessage().startsWith("taken.tlm: could not save"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(folder), files.toList());
        }
    }
}
