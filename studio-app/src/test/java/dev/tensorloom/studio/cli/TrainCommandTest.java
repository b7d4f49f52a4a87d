package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsATemplateAndWritesMetricsAndWeights() throws Exception {
        Path metrics = dir.resolve("out/metrics.json");
        Path weights = dir.resolve("weights");
        CliRun run = CliRun.of("train", "--template", "transformer-reverse", "--steps", "4", "--batch", "8",
                "--metrics-out", metrics.toString(), "--save", weights.toString(), "--mkdirs");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(metrics.toFile());
        assertEquals(4, json.get("loss").size());
        assertEquals(4, json.get("steps").asInt());
        assertEquals("cpu()", json.get("device").asText());
        assertTrue(json.get("examplesPerSecondWallClock").asDouble() > 0);
        assertTrue(json.get("torchThreads").asInt() >= 1, "the speed says how many threads made it");
        JsonNode fin = json.get("finalEvaluation");
        assertTrue(fin.has("loss"));
        assertEquals("token_accuracy", fin.get("headline").asText());
        assertTrue(fin.get("examples").asInt() >= 1000, fin.toString());
        double accuracy = fin.get("token_accuracy").asDouble();
        JsonNode interval = fin.get("ci95").get("token_accuracy");
        assertTrue(interval.get("low").asDouble() <= accuracy && accuracy <= interval.get("high").asDouble(), fin.toString());
        assertEquals(fin.get("examples").asInt(), interval.get("examples").asInt());
        assertTrue(run.out().contains("on 1,024 examples"), run.out());
        assertTrue(run.out().contains("95% interval"), run.out());
        assertFalse(json.get("interrupted").asBoolean());
        assertTrue(json.get("parameters").asLong() > 100_000);
        // params.bin and training-state.bin for --resume, weights.safetensors for --weights and the export
        assertTrue(Files.size(weights.resolve("params.bin")) > 100_000 * 4, "weights file too small");
        assertTrue(Files.size(weights.resolve("training-state.bin")) > 100_000 * 4, "training state too small");
        assertTrue(Files.size(weights.resolve("weights.safetensors")) > 100_000 * 4, "weights file too small");
        assertTrue(run.err().contains("step 4/4"), run.err());
    }

    @Test
    void askingForAMissingGpuIsBadInput() {
        CliRun run = CliRun.of("train", "--template", "transformer-reverse", "--steps", "1", "--device", "gpu");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("no GPU"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void badOptionsAreBadInput() {
        for (String[] args : new String[][] {
            {"train", "--template", "transformer-reverse", "--steps", "0"},
            {"train", "--template", "transformer-reverse", "--checkpoint", "sometimes"},
            {"train", "--template", "no-such-template"},
            {"train"},
        }) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void everyCheckpointPolicyGivesTheSameLossCurveAsNone() throws Exception {
        JsonNode none = lossCurve("none");
        for (String policy : new String[] {"sqrt", "every-k:2", "revolve:2"}) {
            assertEquals(none, lossCurve(policy), policy);
        }
    }

    private JsonNode lossCurve(String policy) throws Exception {
        Path metrics = dir.resolve(policy.replace(':', '_') + ".json");
        CliRun run = CliRun.of("train", "--template", "transformer-reverse", "--steps", "3", "--batch", "4",
                "--checkpoint", policy, "--metrics-out", metrics.toString());
        assertEquals(0, run.exitCode(), policy + ": " + run.err());
        JsonNode json = new ObjectMapper().readTree(metrics.toFile());
        assertEquals(policy, json.get("checkpointPolicy").asText());
        return json.get("loss");
    }
}
