package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.testing.TestPython;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tensorloom train --engine pytorch}: the PyTorch engine trains like the DJL engine (same loss curve,
 * same target reached), several processes train like one at the same global batch, and user mistakes are
 * exit 2 with a message that says what to do.
 */
class TorchEngineTest {
    @TempDir
    Path dir;

    private static String python() {
        return TestPython.interpreter().toString();
    }

    @Test
    void thePyTorchEngineFollowsTheStudiosLossCurve() throws Exception {
        Path djl = dir.resolve("djl.json");
        Path torch = dir.resolve("torch.json");
        CliRun a = CliRun.of("train", "--template", "transformer-reverse", "--steps", "50", "--metrics-out", djl.toString());
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.of("train", "--template", "transformer-reverse", "--steps", "50", "--engine", "pytorch",
                "--python", python(), "--metrics-out", torch.toString());
        assertEquals(0, b.exitCode(), b.err());
        assertTrue(b.out().contains("with PyTorch"), b.out());
        JsonNode x = new ObjectMapper().readTree(djl.toFile());
        JsonNode y = new ObjectMapper().readTree(torch.toFile());
        double worst = 0;
        for (int i = 0; i < 50; i++) {
            double want = x.get("loss").get(i).asDouble();
            double rel = Math.abs(y.get("loss").get(i).asDouble() - want) / Math.abs(want);
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-3, "step " + (i + 1) + ": " + rel);
        }
        System.out.printf("transformer-reverse, DJL vs PyTorch engine, 50 steps: worst relative loss difference %.2e%n",
                worst);
        assertEquals("pytorch", y.get("engine").asText());
        x.fieldNames().forEachRemaining(k -> assertTrue(y.has(k), "the PyTorch engine's metrics lack " + k));
    }

    @Test
    void thePyTorchEngineReachesTheTemplatesTarget() throws Exception {
        // transformer-reverse's card: held-out token accuracy of at least 0.98 after the project's 2000 steps
        Path metrics = dir.resolve("target.json");
        CliRun run = CliRun.of("train", "--template", "transformer-reverse", "--engine", "pytorch", "--python",
                python(), "--metrics-out", metrics.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode m = new ObjectMapper().readTree(metrics.toFile());
        double accuracy = m.get("finalEvaluation").get("token_accuracy").asDouble();
        System.out.printf("transformer-reverse, PyTorch engine, %d steps: held-out token accuracy %.4f in %.1f s%n",
                m.get("steps").asInt(), accuracy, m.get("elapsedSeconds").asDouble());
        assertEquals(2000, m.get("steps").asInt());
        assertTrue(accuracy >= 0.98, "held-out token accuracy " + accuracy);
    }

    @Test
    void twoProcessesTrainLikeOneAtTheSameGlobalBatch() throws Exception {
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        CliRun a = CliRun.of("train", "--template", "transformer-reverse", "--steps", "20", "--engine", "pytorch",
                "--python", python(), "--metrics-out", one.toString());
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.of("train", "--template", "transformer-reverse", "--steps", "20", "--engine", "pytorch",
                "--nproc", "2", "--python", python(), "--metrics-out", two.toString());
        assertEquals(0, b.exitCode(), b.err());
        JsonNode x = new ObjectMapper().readTree(one.toFile());
        JsonNode y = new ObjectMapper().readTree(two.toFile());
        assertEquals(2, y.get("processes").asInt());
        double worst = 0;
        for (int i = 0; i < 20; i++) {
            double want = x.get("loss").get(i).asDouble();
            double rel = Math.abs(y.get("loss").get(i).asDouble() - want) / Math.abs(want);
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-5, "step " + (i + 1) + ": 1 process " + want + ", 2 processes "
                    + y.get("loss").get(i).asDouble());
        }
        System.out.printf("transformer-reverse, --nproc 2 vs 1, 20 steps: worst relative loss difference %.2e%n", worst);
    }

    @Test
    void cudaWithoutAGpuIsExitTwo() {
        CliRun run = CliRun.of("train", "--template", "transformer-reverse", "--steps", "1", "--engine", "pytorch",
                "--device", "cuda", "--python", python());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("sees none"), run.err());
    }

    @Test
    void moreProcessesThanCoresIsExitTwo() {
        CliRun run = CliRun.of("train", "--template", "transformer-reverse", "--steps", "1", "--engine", "pytorch",
                "--nproc", "512", "--python", python());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--nproc 512 is more than"), run.err());
    }

    @Test
    void aMissingPythonIsExitTwo() {
        CliRun run = CliRun.of("train", "--template", "transformer-reverse", "--steps", "1", "--engine", "pytorch",
                "--python", dir.resolve("no-such-python").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("python setup") || run.err().contains("cannot run Python"), run.err());
    }

    @Test
    void anUnknownEngineIsExitTwo() {
        CliRun run = CliRun.of("train", "--template", "transformer-reverse", "--steps", "1", "--engine", "jax");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--engine must be djl or pytorch"), run.err());
    }
}
