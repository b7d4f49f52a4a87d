package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.ProjectReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio resolves a project's relative user-data path from the project file's folder, as the CLI does. */
class StandardRunLauncherDataFolderTest {
    @TempDir
    Path dir;

    @Test
    void relativeCsvPathStartsAtTheProjectFolder() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        StringBuilder rows = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i % 7).append(',').append(i % 5).append(',').append(i % 3).append('\n');
        }
        Files.writeString(dir.resolve("data/points.csv"), rows);
        Document doc = ProjectReader.fromJson("""
                { "formatVersion": 2, "name": "points",
                  "graph": { "nodes": {
                      "fc": { "type": "linear", "label": "fc", "params": { "out_features": 1 } },
                      "in_x": { "type": "input", "label": "x", "params": { "field": "x", "shape": "[B, 2]" } },
                      "in_y": { "type": "input", "label": "y", "params": { "field": "y", "shape": "[B, 1]" } },
                      "loss": { "type": "mse", "label": "loss", "params": { } } },
                    "wires": { "w1": { "from": "in_x.out", "to": "fc.in" }, "w2": { "from": "fc.out", "to": "loss.pred" },
                      "w3": { "from": "in_y.out", "to": "loss.target" } },
                    "groups": { } },
                  "layout": { },
                  "training": { "dataset": "csv:data/points.csv?features=a,b&label=y", "optimizer": "adam",
                    "learningRate": 0.01, "schedule": "constant", "warmupSteps": 0, "weightDecay": 0.0, "momentum": 0.9,
                    "gradientClip": 0.0, "batchSize": 8, "steps": 3, "epochs": 0, "evalEvery": 0, "seed": 1,
                    "device": "cpu", "checkpointPolicy": "none" } }
                """, "points.tlm").document();
        StandardRunLauncher launcher = new StandardRunLauncher(RunSetup.standard(), RunOptions.PROJECT);
        RunListener quiet = new RunListener() { };

        RunLauncher.RunHandle handle = launcher.prepare(doc, dir, SnapshotPolicy.NONE, quiet);
        try {
            assertEquals(3, handle.totalSteps());
        } finally {
            handle.release();
        }
        // The tests run elsewhere, so without the folder the same relative path names a missing file.
        Exception missing = assertThrows(Exception.class, () -> launcher.prepare(doc, SnapshotPolicy.NONE, quiet));
        assertTrue(missing.getMessage().contains("points.csv"), missing.getMessage());
    }
}
