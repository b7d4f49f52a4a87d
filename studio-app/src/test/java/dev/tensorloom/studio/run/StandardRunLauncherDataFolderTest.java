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
import dev.tensorloom.studio.CsvRegressionProject;
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
        Document doc = ProjectReader.fromJson(CsvRegressionProject.json("csv:data/points.csv?features=a,b&label=y",
                0.01, 3), "points.tlm").document();
        StandardRunLauncher launcher = new StandardRunLauncher(RunSetup.standard(), RunOptions.PROJECT);
        RunListener quiet = new RunListener() { };

        RunLauncher.RunHandle handle = launcher.prepare(doc, dir, SnapshotPolicy.NONE, quiet);
        try {
            assertEquals(3, handle.totalSteps());
        } finally {
            handle.release();
        }
        // The tests run elsewhere, so without the folder the same relative path names a missing file.
        Exception missing = assertThrows(Exception.class, () -> launcher.prepare(doc, null, SnapshotPolicy.NONE, quiet));
        assertTrue(missing.getMessage().contains("points.csv"), missing.getMessage());
    }
}
