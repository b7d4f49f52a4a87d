package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.studio.CsvRegressionProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tensorloom train} on a project whose data is a CSV file beside it (the tests run elsewhere). */
class TrainUserDataCommandTest {
    @TempDir
    Path dir;

    private Path project(String dataset) throws Exception {
        Path file = dir.resolve("project.tlm");
        Files.writeString(file, CsvRegressionProject.json(dataset, 0.05, 100));
        return file;
    }

    private void csv(String name, String badPrice) throws Exception {
        StringBuilder sb = new StringBuilder("area,rooms,price\n");
        java.util.Random r = new java.util.Random(2);
        for (int i = 0; i < 60; i++) {
            double a = r.nextDouble() * 2 - 1;
            double b = r.nextDouble() * 2 - 1;
            sb.append(a).append(',').append(b).append(',').append(i == 10 && badPrice != null ? badPrice
                    : String.valueOf(2 * a - 3 * b + 0.5)).append('\n');
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data").resolve(name), sb);
    }

    @Test
    void trainsOnACsvFileNamedRelativeToTheProject() throws Exception {
        csv("houses.csv", null);
        CliRun run = CliRun.of("train", project("csv:data/houses.csv?features=area,rooms&label=price").toString(),
                "--steps", "20");
        assertEquals(TensorloomCli.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("for 20 steps"), run.out());
        assertTrue(run.out().contains("held-out loss"), run.out());
    }

    @Test
    void aBadRowIsOneLocatedMessageAndExitTwo() throws Exception {
        csv("bad.csv", "n/a");
        CliRun run = CliRun.of("train", project("csv:data/bad.csv?features=area,rooms&label=price").toString(),
                "--steps", "2");
        assertEquals(TensorloomCli.BAD_INPUT, run.exitCode());
        assertEquals(dir.resolve("data/bad.csv") + ":12: column \"price\": \"n/a\" is not a number", run.err().strip());
    }
}
