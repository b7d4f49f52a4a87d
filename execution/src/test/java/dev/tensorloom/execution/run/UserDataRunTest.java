package dev.tensorloom.execution.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.compile.CompileException;
import dev.tensorloom.execution.data.DataFileException;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.ProjectReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects that train on user CSV files and image folders, opened as the command line opens them. */
class UserDataRunTest {
    @TempDir
    Path dir;

    private Document project(String json) throws Exception {
        Path file = dir.resolve("project.tlm");
        Files.writeString(file, json);
        return ProjectReader.read(file).document();
    }

    private RunSummary train(Document doc) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        RunFailure[] failure = new RunFailure[1];
        RunSummary[] summary = new RunSummary[1];
        RunListener listener = new RunListener() {
            @Override
            public void onFinished(RunSummary s) {
                summary[0] = s;
                done.countDown();
            }

            @Override
            public void onFailed(RunFailure f) {
                failure[0] = f;
                done.countDown();
            }
        };
        try (PreparedRun run = RunSetup.standard().prepare(doc, RunOptions.PROJECT.withDataFolder(dir))) {
            TrainingSession session = run.session(listener);
            session.start();
            assertTrue(done.await(120, TimeUnit.SECONDS));
            assertTrue(session.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertNull(failure[0], () -> "training failed: " + failure[0].message());
        assertNotNull(summary[0]);
        return summary[0];
    }

    private static double mean(List<Double> losses, int from, int to) {
        return losses.subList(from, to).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void regressionOnACsvFileRelativeToTheProjectLearns() throws Exception {
        UserDataProjects.housesCsv(dir.resolve("data/houses.csv"), 120, 5);
        RunSummary s = train(project(UserDataProjects.regressionProject(
                "csv:data/houses.csv?features=area,rooms&label=price", "float32")));
        List<Double> losses = s.losses();
        assertEquals(20, losses.size());
        assertTrue(mean(losses, 15, 20) < 0.5 * mean(losses, 0, 5), "loss falls: " + losses);
        assertTrue(s.lastEvaluation().containsKey("loss"), "held-out rows are evaluated: " + s.lastEvaluation());
    }

    @Test
    void classifierOnAnImageFolderLearns() throws Exception {
        UserDataProjects.colourFolder(dir.resolve("colours"), 12, 9);
        RunSummary s = train(project(UserDataProjects.imageProject("images:colours?size=8")));
        List<Double> losses = s.losses();
        assertTrue(mean(losses, 15, 20) < 0.5 * mean(losses, 0, 5), "loss falls: " + losses);
    }

    @Test
    void anUnknownColumnNamesTheFileAndItsColumns() throws Exception {
        Path csv = UserDataProjects.housesCsv(dir.resolve("houses.csv"), 10, 1);
        Document doc = project(UserDataProjects.regressionProject("csv:houses.csv?features=area,floors&label=price",
                "float32"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> RunSetup.standard().prepare(doc, RunOptions.PROJECT.withDataFolder(dir)));
        assertEquals(csv + ":1: no column \"floors\" (columns: id, area, rooms, city, price)", e.getMessage());
    }

    @Test
    void aBadCellNamesTheFileLineAndColumn() throws Exception {
        Path csv = UserDataProjects.housesCsv(dir.resolve("houses.csv"), 20, 1);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        lines.set(16, "15,0.5,0.25,Town 0,abc");
        Files.write(csv, lines);
        Document doc = project(UserDataProjects.regressionProject("csv:houses.csv?features=area,rooms&label=price",
                "float32"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> RunSetup.standard().prepare(doc, RunOptions.PROJECT.withDataFolder(dir)));
        assertEquals(csv + ":17: column \"price\": \"abc\" is not a number", e.getMessage());
    }

    @Test
    void inputNodesMustReadAFieldTheDataHasWithItsType() throws Exception {
        UserDataProjects.housesCsv(dir.resolve("houses.csv"), 10, 1);
        Document classes = project(UserDataProjects.regressionProject("csv:houses.csv?features=area,rooms&classes=id",
                "float32"));
        CompileException e = assertThrows(CompileException.class,
                () -> RunSetup.standard().prepare(classes, RunOptions.PROJECT.withDataFolder(dir)));
        assertEquals("in_y", e.nodeId());
        assertEquals("in_y: reads field 'y' as float32, but dataset 'csv:houses.csv?features=area,rooms&classes=id' "
                + "gives int64 (CSV column id)", e.getMessage());
        Document noLabel = project(UserDataProjects.regressionProject("csv:houses.csv?features=area,rooms", "float32"));
        e = assertThrows(CompileException.class,
                () -> RunSetup.standard().prepare(noLabel, RunOptions.PROJECT.withDataFolder(dir)));
        assertEquals("in_y: reads field 'y', but dataset 'csv:houses.csv?features=area,rooms' has fields x",
                e.getMessage());
    }
}
