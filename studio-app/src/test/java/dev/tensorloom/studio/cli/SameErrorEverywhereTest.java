package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, train and memory refuse the same broken file with the same located line: one validator for all. */
class SameErrorEverywhereTest {
    /** A linear layer whose input is not wired; the file is otherwise fine. */
    private static final String UNWIRED = """
            {
              "formatVersion": 2,
              "name": "unwired",
              "graph": {
                "nodes": {
                  "x": {"type": "input", "params": {"field": "x", "shape": "[B, 16]", "dtype": "float32"}},
                  "y": {"type": "input", "params": {"field": "y", "shape": "[B, 8]", "dtype": "float32"}},
                  "fc": {"type": "linear", "params": {"out_features": 8}},
                  "loss": {"type": "mse", "params": {}}
                },
                "wires": {
                  "w2": {"from": "fc.out", "to": "loss.pred"},
                  "w3": {"from": "y.out", "to": "loss.target"}
                }
              },
              "training": {"dataset": "seq-reverse", "batchSize": 8, "steps": 2}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void validateTrainAndMemoryNameTheSameFirstError() throws Exception {
        Path file = dir.resolve("unwired.tlm");
        Files.writeString(file, UNWIRED);
        CliRun validate = CliRun.of("validate", file.toString());
        CliRun train = CliRun.of("train", file.toString());
        CliRun memory = CliRun.of("memory", file.toString());
        assertEquals(2, validate.exitCode(), validate.err());
        String line = validate.err().strip();
        assertEquals(line, train.err().strip(), "train says what validate says");
        assertEquals(2, train.exitCode());
        assertEquals(line, memory.err().strip(), "memory says what validate says");
        assertEquals(2, memory.exitCode());
    }
}
