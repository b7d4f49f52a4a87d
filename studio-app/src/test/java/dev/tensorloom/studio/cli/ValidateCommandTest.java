package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.templates.TemplateCard;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tensorloom validate} accepts every template and refuses broken files of every kind with one located line. */
class ValidateCommandTest {
    private static final String VALID = """
            {
              "formatVersion": 2,
              "name": "small",
              "graph": {
                "nodes": {
                  "x": {"type": "input", "params": {"field": "x", "shape": "[B, 16]", "dtype": "float32"}},
                  "y": {"type": "input", "params": {"field": "y", "shape": "[B, 8]", "dtype": "float32"}},
                  "fc": {"type": "linear", "params": {"out_features": 8}},
                  "loss": {"type": "mse", "params": {}}
                },
                "wires": {
                  "w1": {"from": "x.out", "to": "fc.in"},
                  "w2": {"from": "fc.out", "to": "loss.pred"},
                  "w3": {"from": "y.out", "to": "loss.target"}
                }
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void everyTemplateIsValid() {
        for (TemplateCard card : TemplateCatalog.builtIn().cards()) {
            CliRun run = CliRun.of("validate", "--template", card.id());
            assertEquals(0, run.exitCode(), card.id() + ": " + run.err());
            assertTrue(run.out().contains("OK"), run.out());
        }
    }

    @Test
    void unknownFieldsAreWarningsWithTheirPathAndLineAndStrictRefusesThem() throws Exception {
        String withUnknown = VALID.replace("\"name\": \"small\",", "\"name\": \"small\",\n  \"author\": \"me\",")
                .replace("\"fc\": {\"type\": \"linear\",", "\"fc\": {\"type\": \"linear\", \"colour\": \"red\",");
        Path file = write("extra.tlm", withUnknown);
        CliRun run = CliRun.of("validate", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("extra.tlm:4:13: warning: unknown field 'author'"), run.out());
        assertTrue(run.out().contains("extra.tlm:9:42: warning: unknown field 'graph.nodes.fc.colour'"), run.out());
        assertTrue(run.out().contains("OK (4 nodes;") && run.out().contains("2 unknown fields ignored"), run.out());

        CliRun strict = CliRun.of("validate", "--strict", file.toString());
        assertEquals(2, strict.exitCode(), strict.out());
        assertTrue(strict.err().contains("extra.tlm:4:13: error: unknown field 'author'"), strict.err());
        assertTrue(strict.err().contains("graph.nodes.fc.colour"), strict.err());
        assertFalse(strict.err().contains("Exception"), strict.err());
        assertEquals(0, CliRun.of("validate", "--strict", write("small.tlm", VALID).toString()).exitCode());
    }

    @Test
    void aValidFileIsAccepted() throws Exception {
        CliRun run = CliRun.of("validate", write("small.tlm", VALID).toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void brokenFilesGiveExitTwoAndOneLocatedLine() throws Exception {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("empty.tlm", "");
        broken.put("truncated.tlm", VALID.substring(0, VALID.length() / 2));
        broken.put("wrong-type.tlm", VALID.replace("\"out_features\": 8", "\"out_features\": \"eight\""));
        broken.put("unknown-type.tlm", VALID.replace("\"type\": \"linear\"", "\"type\": \"lineer\""));
        broken.put("dangling.tlm", VALID.replace("\"to\": \"fc.in\"", "\"to\": \"fc9.in\""));
        broken.put("duplicate.tlm", VALID.replace("\"w3\": {", "\"w2\": {"));
        broken.put("no-such-port.tlm", VALID.replace("\"to\": \"fc.in\"", "\"to\": \"fc.input\""));
        broken.put("negative-dim.tlm", VALID.replace("[B, 16]", "[B, -16]"));
        broken.put("absurd-dim.tlm", VALID.replace("[B, 16]", "[B, 99999999999999999999]"));
        broken.put("zero-features.tlm", VALID.replace("\"out_features\": 8", "\"out_features\": 0"));
        broken.put("future.tlm", VALID.replace("\"formatVersion\": 2", "\"formatVersion\": 99"));
        broken.put("nested.tlm", "{\"formatVersion\": 2, \"junk\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        broken.put("cycle.tlm", VALID.replace("\"from\": \"x.out\", \"to\": \"fc.in\"", "\"from\": \"loss.loss\", \"to\": \"fc.in\""));
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Path binary = dir.resolve("garbage.tlm");
        Files.write(binary, garbage);
        assertRefused(binary);
        for (Map.Entry<String, String> e : broken.entrySet()) {
            assertRefused(write(e.getKey(), e.getValue()));
        }
        assertRefused(dir.resolve("missing.tlm"));
        assertRefused(dir);
    }

    private void assertRefused(Path file) {
        long start = System.nanoTime();
        CliRun run = CliRun.of("validate", file.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        String name = file.getFileName().toString();
        assertEquals(2, run.exitCode(), name + " gave " + run.exitCode() + ": " + run.err() + run.out());
        String err = run.err().strip();
        assertFalse(err.isEmpty(), name);
        assertTrue(err.contains(name), name + ": message does not name the file: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), name + ": stack trace: " + err);
        assertEquals(1, err.lines().count(), name + ": more than one line: " + err);
        System.out.printf("%-20s %5d ms  %s%n", name, millis, err);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
