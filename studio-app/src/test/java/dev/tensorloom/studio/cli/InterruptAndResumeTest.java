package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.resume.SavedRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code tensorloom train} process gets SIGTERM in the middle of its run: it exits with 143 after
 * saving the metrics so far (marked interrupted, with the step), the weights and the training state; then
 * {@code train --resume} finishes the run, and its loss curve is the uninterrupted run's, bit for bit.
 */
class InterruptAndResumeTest {
    private static final int STEPS = 1000;

    @TempDir
    Path dir;

    @Test
    void sigtermSavesWhatWasTrainedAndResumeFinishesTheSameCurve() throws Exception {
        Path project = RegressionProjects.calm(dir, STEPS);
        Path saved = dir.resolve("run");
        Path partial = dir.resolve("partial.json");
        Process child = new ProcessBuilder(javaBinary(), "-Xss4m", "-Dai.djl.offline=true", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.tensorloom.studio.Main", "train", project.toString(),
                "--save", saved.toString(), "--metrics-out", partial.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.contains("step 1/" + STEPS)) {
                    child.toHandle().destroy(); // SIGTERM; Process.destroy would also close this stream
                }
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, child.exitValue(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("interrupted after step")), String.join("\n", lines));

        JsonNode metrics = new ObjectMapper().readTree(partial.toFile());
        assertTrue(metrics.get("interrupted").asBoolean());
        assertEquals("signal", metrics.get("interruption").get("reason").asText());
        int stoppedAt = metrics.get("steps").asInt();
        assertTrue(stoppedAt >= 1 && stoppedAt < STEPS, "stopped at " + stoppedAt);
        assertEquals(stoppedAt, metrics.get("interruption").get("step").asInt());
        assertEquals(stoppedAt, metrics.get("loss").size());
        assertEquals(stoppedAt, SavedRun.load(saved).state().step(), "weights and state of the last finished step");

        Path resumed = dir.resolve("resumed.json");
        CliRun rest = CliRun.of("train", project.toString(), "--resume", saved.toString(), "--metrics-out",
                resumed.toString());
        assertEquals(TensorloomCli.OK, rest.exitCode(), rest.err());
        assertTrue(rest.err().contains("resuming " + project + " at step " + stoppedAt + " of " + STEPS), rest.err());
        Path straight = dir.resolve("straight.json");
        CliRun whole = CliRun.of("train", project.toString(), "--metrics-out", straight.toString());
        assertEquals(TensorloomCli.OK, whole.exitCode(), whole.err());

        JsonNode a = new ObjectMapper().readTree(straight.toFile());
        JsonNode b = new ObjectMapper().readTree(resumed.toFile());
        assertEquals(STEPS, b.get("loss").size());
        // JSON keeps a double's shortest exact form, so equal text is equal bits.
        assertEquals(a.get("loss"), b.get("loss"), "the resumed run's curve is the uninterrupted one");
        assertEquals(a.get("learningRate"), b.get("learningRate"));
        assertEquals(a.get("finalEvaluation"), b.get("finalEvaluation"));
        assertEquals(stoppedAt, b.get("resumedFrom").asInt());
        assertEquals(STEPS, SavedRun.load(saved).state().step(), "the resumed run saves on into the same folder");

        CliRun again = CliRun.of("train", project.toString(), "--resume", saved.toString());
        assertEquals(TensorloomCli.BAD_INPUT, again.exitCode());
        assertTrue(again.err().contains("already finished all " + STEPS + " steps"), again.err());
        CliRun other = CliRun.of("train", project.toString(), "--resume", saved.toString(), "--batch", "4",
                "--steps", String.valueOf(2 * STEPS));
        assertEquals(TensorloomCli.BAD_INPUT, other.exitCode());
        assertTrue(other.err().contains("batchSize was 8, is 4"), other.err());
        assertTrue(Files.isDirectory(saved));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
