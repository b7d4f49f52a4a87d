package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights trained by an exported {@code train.py} come back into the studio: {@code tensorloom train --weights}
 * starts from them exactly where PyTorch does (the same next step and held-out evaluation as the package's
 * own {@code train.py --weights}), and a studio export from them starts PyTorch from the same point again.
 */
class ExportRoundTripTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @Test
    void weightsTrainedInPyTorchContinueTheSameInTheStudio() throws Exception {
        Path pkg = dir.resolve("package");
        CliRun export = CliRun.of("export", "--template", "transformer-reverse", "--format", "pytorch", "--out",
                pkg.toString(), "--steps", "20");
        assertEquals(0, export.exitCode(), export.err());
        Path trained = dir.resolve("trained");
        Path first = dir.resolve("first.json");
        ExportCommandTest.python(pkg, "train.py", "--steps", "20", "--save", trained.toString(), "--metrics-out",
                first.toString());
        assertTrue(Files.exists(trained.resolve("weights.safetensors")));

        // One more step from the PyTorch-trained weights, in each engine, then the held-out evaluation.
        Path studio = dir.resolve("studio.json");
        CliRun train = CliRun.of("train", "--template", "transformer-reverse", "--steps", "1", "--weights",
                trained.toString(), "--metrics-out", studio.toString());
        assertEquals(0, train.exitCode(), train.err());
        Path torch = dir.resolve("torch.json");
        ExportCommandTest.python(pkg, "train.py", "--steps", "1", "--weights",
                trained.resolve("weights.safetensors").toString(), "--metrics-out", torch.toString());
        JsonNode a = new ObjectMapper().readTree(studio.toFile());
        JsonNode b = new ObjectMapper().readTree(torch.toFile());
        double stepLoss = relative(a.get("loss").get(0).asDouble(), b.get("loss").get(0).asDouble());
        double heldOut = relative(a.get("finalEvaluation").get("loss").asDouble(),
                b.get("finalEvaluation").get("loss").asDouble());
        System.out.printf("PyTorch-trained weights in the studio: next step's loss %.2e, held-out loss %.2e relative%n",
                stepLoss, heldOut);
        assertTrue(stepLoss <= TOLERANCE, "next step: studio " + a.get("loss") + ", PyTorch " + b.get("loss"));
        assertTrue(heldOut <= TOLERANCE, "held-out: studio " + a.get("finalEvaluation") + ", PyTorch "
                + b.get("finalEvaluation"));
        // The studio started from the trained weights, not the initial ones: batch 1 costs less than at first.
        double initialLoss = new ObjectMapper().readTree(first.toFile()).get("loss").get(0).asDouble();
        assertTrue(a.get("loss").get(0).asDouble() < initialLoss, "batch 1 at first " + initialLoss + ", after 20 "
                + "PyTorch steps " + a.get("loss").get(0));
    }

    private static double relative(double want, double got) {
        return Math.abs(got - want) / Math.max(Math.abs(want), 1e-12);
    }
}
