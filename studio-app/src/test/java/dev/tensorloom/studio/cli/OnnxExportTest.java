package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.testing.TestPython;
import dev.tensorloom.templates.TemplateCard;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tensorloom export --format onnx} for every template: model.onnx is written from the generated
 * model.py and checked inside the product with ONNX Runtime (Java) against the studio's engine on the
 * exported sample batch, with weights trained a few steps; the figures land in export.json and stay within 1e-4.
 */
class OnnxExportTest {
    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> everyTemplateExportsToOnnxWithinTolerance() {
        List<DynamicTest> tests = new ArrayList<>();
        for (TemplateCard card : TemplateCatalog.builtIn().cards()) {
            tests.add(DynamicTest.dynamicTest(card.id(), () -> exportsWithinTolerance(card.id())));
        }
        return tests;
    }

    private void exportsWithinTolerance(String id) throws Exception {
        Path out = dir.resolve(id);
        // Trained weights: initial ones make some outputs trivially equal (adaLN-Zero's zero projection gives
        // DiT an output of 0, identity-initialised couplings give the flows z = x).
        Path weights = dir.resolve(id + "-weights");
        CliRun train = CliRun.of("train", "--template", id, "--steps", "5", "--batch", "16", "--save", weights.toString());
        assertEquals(0, train.exitCode(), train.err());
        CliRun run = CliRun.of("export", "--template", id, "--format", "onnx", "--out", out.toString(), "--steps", "1",
                "--weights", weights.toString(), "--python", TestPython.interpreter().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.size(out.resolve("model.onnx")) > 0);
        JsonNode onnx = new ObjectMapper().readTree(out.resolve("export.json").toFile()).path("verification")
                .path("onnx");
        double relative = onnx.path("maxRelativeDifference").asDouble(Double.NaN);
        System.out.printf("%s: ONNX Runtime against the studio on a batch of %d: largest absolute difference %.2e, "
                + "relative %.2e%n", id, onnx.path("batch").asInt(), onnx.path("maxAbsoluteDifference").asDouble(),
                relative);
        assertTrue(relative <= 1e-4, id + ": " + onnx);
    }
}
