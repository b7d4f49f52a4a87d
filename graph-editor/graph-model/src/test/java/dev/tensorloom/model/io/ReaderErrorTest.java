package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken file gives one located, one-line message that starts with the file name. */
class ReaderErrorTest {
    private static final Pattern LOCATED = Pattern.compile("broken\\.tlm:\\d+:\\d+: [^\\n]+");

    @TempDir
    Path dir;

    private static String v2(String graph) {
        return "{\n  \"formatVersion\": 2,\n  \"graph\": {\n" + graph + "\n  }\n}\n";
    }

    private static final String TWO_NODES = "    \"nodes\": {\"a\": {\"type\": \"linear\"}, \"b\": {\"type\": \"relu\"}},\n";

    private String fails(String text) {
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectReader.fromJson(text, "broken.tlm"));
        assertTrue(LOCATED.matcher(e.getMessage()).matches(), e.getMessage());
        return e.getMessage();
    }

    private String failsBytes(byte[] bytes) {
        ProjectFileException e = assertThrows(ProjectFileException.class,
                () -> ProjectReader.fromBytes(bytes, "broken.tlm", "broken"));
        assertTrue(LOCATED.matcher(e.getMessage()).matches(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void emptyAndBlank() {
        assertEquals("broken.tlm:1:1: the file is empty", fails(""));
        assertTrue(fails("  \n \n").contains("the file is empty"));
    }

    @Test
    void truncated() {
        String full = Fixtures.text("v2-mlp.tlm");
        assertTrue(fails(full.substring(0, full.length() / 2)).contains("ends too early"));
    }

    @Test
    void binaryGarbage() {
        assertTrue(failsBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}).contains("not UTF-8"));
        failsBytes(new byte[] {0, 1, 2, 3, 'x'});
        String m = fails("{\"formatVersion\": 2}\u0000");
        assertTrue(m.startsWith("broken.tlm:1:22:"), m);
    }

    @Test
    void wrongTypes() {
        assertEquals("broken.tlm:2:20: formatVersion must be a whole number from 1 up, not text \"2\"",
                fails("{\n  \"formatVersion\": \"2\"}"));
        assertEquals("broken.tlm:4:29: graph.nodes.a.type must be text, not 5",
                fails(v2("    \"nodes\": {\"a\": {\"type\": 5}}")));
        String m = fails("{\"formatVersion\": 2, \"training\": {\"batchSize\": \"many\"}}");
        assertTrue(m.endsWith("training.batchSize must be a whole number, not text \"many\""), m);
        assertTrue(fails(v2("    \"nodes\": []")).contains("graph.nodes must be an object, not a list"));
        assertTrue(fails("[1, 2]").contains("must hold a JSON object"));
        assertTrue(fails(v2("    \"nodes\": {\"a\": {\"type\": \"x\", \"params\": {\"p\": {}}}}"))
                .contains("graph.nodes.a.params.p must be a number"));
    }

    @Test
    void versions() {
        assertTrue(fails("{\"name\": \"x\"}").contains("missing 'formatVersion'"));
        assertEquals("broken.tlm:1:19: formatVersion 7 is newer than this Tensorloom (supports up to 3); please update",
                fails("{\"formatVersion\": 7}"));
        assertTrue(fails("{\"formatVersion\": 0}").contains("from 1 up"));
    }

    @Test
    void danglingWire() {
        assertEquals("broken.tlm:5:45: wire 'w3' ends at unknown node 'fc9'",
                fails(v2(TWO_NODES + "    \"wires\": {\"w3\": {\"from\": \"a.out\", \"to\": \"fc9.in\"}}")));
    }

    @Test
    void malformedPort() {
        String m = fails(v2(TWO_NODES + "    \"wires\": {\"w1\": {\"from\": \"abc\", \"to\": \"b.in\"}}"));
        assertTrue(m.startsWith("broken.tlm:5:30: wire end 'abc'"), m);
        assertTrue(m.contains("expected node.port"));
    }

    @Test
    void duplicateKeys() {
        assertTrue(fails(v2("    \"nodes\": {\"a\": {\"type\": \"x\"},\n  \"a\": {\"type\": \"y\"}}"))
                .startsWith("broken.tlm:5:"));
        assertTrue(fails("{\"formatVersion\": 2, \"formatVersion\": 2}").contains("duplicate key 'formatVersion'"));
    }

    @Test
    void cycleAndFedTwice() {
        String cycle = fails(v2(TWO_NODES + "    \"wires\": {\"w1\": {\"from\": \"a.out\", \"to\": \"b.in\"},\n"
                + "      \"w2\": {\"from\": \"b.out\", \"to\": \"a.in\"}}"));
        assertTrue(cycle.startsWith("broken.tlm:6:") && cycle.contains("wire 'w2'") && cycle.contains("cycle"), cycle);
        String twice = fails(v2(TWO_NODES + "    \"wires\": {\"w1\": {\"from\": \"a.out\", \"to\": \"b.in\"},\n"
                + "      \"w2\": {\"from\": \"a.x\", \"to\": \"b.in\"}}"));
        assertTrue(twice.contains("wire 'w2'") && twice.contains("already connected"), twice);
    }

    @Test
    void unknownGroupAndLayout() {
        assertTrue(fails(v2("    \"nodes\": {\"a\": {\"type\": \"x\", \"group\": \"g\"}}"))
                .contains("node 'a' is in unknown group 'g'"));
        assertTrue(fails("{\"formatVersion\": 2, \"layout\": {\"zz\": {\"x\": 1, \"y\": 2}}}")
                .contains("layout names unknown node 'zz'"));
    }

    @Test
    void absurdTrainingNumbers() {
        assertTrue(fails("{\"formatVersion\": 2, \"training\": {\"batchSize\": 0}}").contains("batchSize must be between 1"));
        assertTrue(fails("{\"formatVersion\": 2, \"training\": {\"batchSize\": -4}}").contains("batchSize"));
        assertTrue(fails("{\"formatVersion\": 2, \"training\": {\"learningRate\": 1e999}}").contains("too large"));
        assertTrue(fails("{\"formatVersion\": 2, \"training\": {\"learningRate\": -0.1}}").contains("learningRate"));
        assertTrue(fails("{\"formatVersion\": 2, \"training\": {\"steps\": 99999999999}}").contains("steps"));
        assertTrue(fails("{\"formatVersion\": 2, \"training\": {\"momentum\": 1.5}}").contains("momentum"));
        assertTrue(fails("{\"formatVersion\": 2, \"training\": {\"seed\": 123456789012345678901234}}")
                .contains("too large"));
    }

    @Test
    void deeplyNestedJunk() {
        String deep = "{\"formatVersion\": 2, \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertTrue(fails(deep).contains("nested too deeply"));
    }

    @Test
    void filesystemCases() throws Exception {
        Path empty = Files.createFile(dir.resolve("broken.tlm"));
        assertEquals("broken.tlm:1:1: the file is empty",
                assertThrows(ProjectFileException.class, () -> ProjectReader.read(empty)).getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.tlm"));
        assertEquals("folder.tlm: is a folder, not a project file",
                assertThrows(ProjectFileException.class, () -> ProjectReader.read(folder)).getMessage());
        assertEquals("missing.tlm: no such file", assertThrows(ProjectFileException.class,
                () -> ProjectReader.read(dir.resolve("missing.tlm"))).getMessage());
        Files.write(empty, "{\"formatVersion\":2,\n\"graph\":{\"nodes\":{\"n\":{\"type\":\"x\"}}}}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("broken", ProjectReader.read(empty).name());
        assertFalse(ProjectReader.read(empty).document().nodes().isEmpty());
    }
}
