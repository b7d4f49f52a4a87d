package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.exec.WeightsFile;
import dev.tensorloom.execution.export.PackageWeights;
import dev.tensorloom.execution.resume.SavedRun;
import dev.tensorloom.execution.resume.TrainingStateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} never costs the user a run: output paths are checked before training, and a run that ends
 * early (NaN, divergence) leaves its metrics, weights and training state.
 */
class TrainOutputsTest {
    @TempDir
    Path dir;

    private static void refusedBeforeTraining(CliRun run, String message) {
        assertEquals(TensorloomCli.BAD_INPUT, run.exitCode(), run.err());
        assertEquals(message, run.err().strip());
        assertFalse(run.err().contains("step 1"), "checked before training: " + run.err());
    }

    @Test
    void everyBadOutputPathIsRefusedBeforeTrainingStarts() throws Exception {
        String p = RegressionProjects.calm(dir, 5).toString();
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        refusedBeforeTraining(CliRun.of("train", p, "--metrics-out", "/proc/m.json"),
                "--metrics-out /proc/m.json: cannot write in /proc (the file system takes no new files there)");
        refusedBeforeTraining(CliRun.of("train", p, "--metrics-out", dir.toString()),
                "--metrics-out " + dir + ": is a folder; give a file name");
        refusedBeforeTraining(CliRun.of("train", p, "--metrics-out", dir.resolve("no/such/m.json").toString()),
                "--metrics-out " + dir.resolve("no/such/m.json") + ": the folder " + dir.resolve("no/such")
                        + " does not exist (create it, or add --mkdirs)");
        refusedBeforeTraining(CliRun.of("train", p, "--save", file.toString()),
                "--save " + file + ": is a file, not a folder");
        refusedBeforeTraining(CliRun.of("train", p, "--save", "/proc/weights"),
                "--save /proc/weights: cannot write in /proc (the file system takes no new files there)");
        refusedBeforeTraining(CliRun.of("train", p, "--save-every", "10"),
                "--save-every needs --save DIR (or --resume DIR) to save into");
        refusedBeforeTraining(CliRun.of("screenshot", p, "--out", "/proc/x.png"),
                "--out /proc/x.png: cannot write in /proc (the file system takes no new files there)");
        refusedBeforeTraining(CliRun.of("train", p, "--resume", dir.toString()),
                "--resume " + dir + ": no saved training state (train with --save DIR or --save-every N to make one)");
        // The PyTorch engine's outputs are checked before any Python is looked for or any package exported.
        refusedBeforeTraining(CliRun.of("train", p, "--engine", "pytorch", "--python", dir.resolve("no-python").toString(),
                "--metrics-out", "/proc/m.json"),
                "--metrics-out /proc/m.json: cannot write in /proc (the file system takes no new files there)");
        refusedBeforeTraining(CliRun.of("train", p, "--engine", "pytorch", "--save", file.toString()),
                "--save " + file + ": is a file, not a folder");
        refusedBeforeTraining(CliRun.of("train", p, "--engine", "pytorch", "--resume", dir.toString()),
                "--resume, --save-every and --stop-on-divergence need --engine djl");
    }

    @Test
    void mkdirsCreatesTheMissingFoldersAndAFinishedRunSaysSo() throws Exception {
        Path project = RegressionProjects.calm(dir, 5);
        Path metrics = dir.resolve("runs/one/metrics.json");
        Path weights = dir.resolve("runs/one/weights");
        CliRun run = CliRun.of("train", project.toString(), "--metrics-out", metrics.toString(), "--save",
                weights.toString(), "--mkdirs");
        assertEquals(TensorloomCli.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(metrics.toFile());
        assertFalse(json.get("interrupted").asBoolean());
        assertEquals(5, json.get("steps").asInt());
        assertEquals(5, SavedRun.load(weights).state().step());
        assertTrue(Files.isRegularFile(weights.resolve(WeightsFile.FILE_NAME)));
        try (Stream<Path> files = Files.list(weights)) {
            assertEquals(List.of(WeightsFile.FILE_NAME, TrainingStateFile.FILE_NAME, PackageWeights.FILE_NAME),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary files");
        }
    }

    @Test
    void aLossThatOverflowsStopsTheRunButKeepsItsMetricsAndLastGoodWeights() throws Exception {
        Path project = RegressionProjects.exploding(dir, 200);
        Path metrics = dir.resolve("m.json");
        Path weights = dir.resolve("w");
        CliRun run = CliRun.of("train", project.toString(), "--metrics-out", metrics.toString(), "--save",
                weights.toString());
        assertEquals(TensorloomCli.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: the loss diverged at step 2"), run.err());
        assertTrue(run.err().contains("non-finite"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        JsonNode json = new ObjectMapper().readTree(metrics.toFile());
        assertTrue(json.get("interrupted").asBoolean());
        assertEquals("non-finite", json.get("interruption").get("reason").asText());
        int finished = json.get("steps").asInt();
        assertTrue(finished > 1 && finished < 200, "steps before the overflow: " + finished);
        assertEquals(finished, json.get("loss").size());
        assertEquals(finished, json.get("interruption").get("step").asInt());
        assertEquals(2, json.get("divergence").get("step").asInt());
        assertEquals(finished, SavedRun.load(weights).state().step(), "the weights of the last finished step");
    }

    @Test
    void stopOnDivergenceEndsTheRunAtTheStepThatDiverged() throws Exception {
        Path project = RegressionProjects.exploding(dir, 200);
        Path metrics = dir.resolve("m.json");
        CliRun run = CliRun.of("train", project.toString(), "--metrics-out", metrics.toString(),
                "--stop-on-divergence");
        assertEquals(TensorloomCli.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("stopped on divergence after step 2 of 200"), run.err());
        JsonNode json = new ObjectMapper().readTree(metrics.toFile());
        assertEquals("divergence", json.get("interruption").get("reason").asText());
        assertEquals(2, json.get("steps").asInt());
    }

    @Test
    void trainMemoryAndScreenshotRefuseWhatValidateRefusesWithItsMessage() throws Exception {
        String template = new String(getClass().getResourceAsStream("/dev/tensorloom/templates/transformer-reverse.tlm")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Path big = Files.writeString(dir.resolve("big.tlm"),
                template.replaceFirst("\"d_model\": 64", "\"d_model\": 999999999999"));
        CliRun validate = CliRun.of("validate", big.toString());
        assertEquals(TensorloomCli.BAD_INPUT, validate.exitCode());
        assertTrue(validate.err().contains("must be at most 65536"), validate.err());
        for (String[] args : new String[][] {
            {"train", big.toString(), "--steps", "1"},
            {"memory", big.toString()},
            {"screenshot", big.toString(), "--view", "run", "--out", dir.resolve("x.png").toString()},
        }) {
            CliRun run = CliRun.of(args);
            assertEquals(TensorloomCli.BAD_INPUT, run.exitCode(), args[0] + ": " + run.err());
            assertEquals(validate.err(), run.err(), args[0]);
        }
    }

    @Test
    void sizesOnTheCommandLineHaveTheProjectFilesCaps() throws Exception {
        Path project = RegressionProjects.calm(dir, 5);
        for (String command : new String[] {"train", "memory"}) {
            CliRun run = CliRun.of(command, project.toString(), "--batch", "2147483647");
            assertEquals(TensorloomCli.BAD_INPUT, run.exitCode(), run.err());
            assertEquals("--batch must be between 1 and 1048576 (as a project file's batchSize), got 2147483647",
                    run.err().strip());
        }
    }
}
