package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.testing.TestPython;
import dev.tensorloom.templates.TemplateCard;
import dev.tensorloom.templates.TemplateCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tensorloom export}: an exported template trains in PyTorch with the studio's loss curve (every
 * step within {@value #LOSS_TOLERANCE} relative over {@value #STEPS} steps), and bad input is refused
 * with exit 2 and one message.
 */
class ExportCommandTest {
    static final double LOSS_TOLERANCE = 1e-3;
    static final int STEPS = 50;
    /**
     * Where a loss curve leaves {@value #LOSS_TOLERANCE}, the engines may differ by this many times what
     * PyTorch differs from itself between 1 and 2 threads up to that step (measured in the same test).
     */
    static final double NOISE_FACTOR = 3;
    /**
     * Held-out values that are losses or likelihoods (nats), so they agree as closely as the loss curves (in
     * absolute terms near zero); counts such as token accuracy may flip with a last-bit difference.
     */
    static final List<String> LIKELIHOODS = List.of("loss", "heldout_nll", "gaussian_nll", "nll_gap");
    /**
     * Held-out metrics that only the studio computes: face verification on unseen people (pairs the Java
     * generator draws) and the class accuracy of generated samples with the accuracy of its judge (a CNN
     * trained in Java). train.py reports every other value of the studio's finalEvaluation.
     */
    static final Set<String> STUDIO_ONLY = Set.of("verification_accuracy", "class_accuracy_of_samples",
            "judge_accuracy_on_real");
    /** Values whose 95% interval the studio bootstraps over images; train.py reports the values only. */
    static final Set<String> BOOTSTRAPPED = Set.of("voc_map50", "coco_map50_95");

    /**
     * Batch overrides that keep the suite's time on a 2-core machine; the engines run the same code at any
     * batch (deep-chain's default 4096 takes minutes per engine).
     */
    static final java.util.Map<String, String> BATCH = java.util.Map.of("deep-chain", "512");

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> everyTemplateTrainsTheSameInPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        // -Dexport.templates=a,b narrows the run while working on some templates; the build runs them all.
        Set<String> only = Set.of(System.getProperty("export.templates", "").split(","));
        for (TemplateCard card : TemplateCatalog.builtIn().cards()) {
            if (only.contains("") || only.contains(card.id())) {
                tests.add(DynamicTest.dynamicTest(card.id(), () -> trainsTheSame(card.id())));
            }
        }
        return tests;
    }

    private void trainsTheSame(String id) throws Exception {
        Path out = dir.resolve(id);
        List<String> size = BATCH.containsKey(id) ? List.of("--batch", BATCH.get(id)) : List.of();
        List<String> exportArgs = new ArrayList<>(List.of("export", "--template", id, "--format", "pytorch", "--out",
                out.toString(), "--steps", Integer.toString(STEPS)));
        exportArgs.addAll(size);
        CliRun export = CliRun.of(exportArgs.toArray(String[]::new));
        assertEquals(0, export.exitCode(), export.err());
        Path studio = dir.resolve(id + "-studio.json");
        List<String> trainArgs = new ArrayList<>(List.of("train", "--template", id, "--steps", Integer.toString(STEPS),
                "--metrics-out", studio.toString()));
        trainArgs.addAll(size);
        CliRun train = CliRun.of(trainArgs.toArray(String[]::new));
        assertEquals(0, train.exitCode(), train.err());
        Path torch = dir.resolve(id + "-pytorch.json");
        python(out, "train.py", "--steps", Integer.toString(STEPS), "--metrics-out", torch.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(studio.toFile());
        JsonNode b = json.readTree(torch.toFile());
        assertEquals(STEPS, a.get("loss").size());
        assertEquals(STEPS, b.get("loss").size());
        double[] difference = relativeDifferences(a.get("loss"), b.get("loss"));
        double worst = Arrays.stream(difference).max().orElseThrow();
        if (worst <= LOSS_TOLERANCE) {
            System.out.printf("%s: loss curves over %d steps agree within %.2e relative%n", id, STEPS, worst);
        } else {
            // Past 1e-3, ask how far PyTorch disagrees with itself: the same package on 2 threads instead of 1
            // sums in another order. Deep, chaotic training (deep-chain) amplifies those last-bit differences
            // beyond 1e-3 within 50 steps, in PyTorch alone; the engines must then agree as well as that.
            Path again = dir.resolve(id + "-pytorch-2-threads.json");
            python(out, 2, "train.py", "--steps", Integer.toString(STEPS), "--metrics-out", again.toString());
            double[] spread = relativeDifferences(b.get("loss"), json.readTree(again.toFile()).get("loss"));
            double floor = 0;
            for (int i = 0; i < STEPS; i++) {
                floor = Math.max(floor, spread[i]);
                double allowed = Math.max(LOSS_TOLERANCE, NOISE_FACTOR * floor);
                assertTrue(difference[i] <= allowed, id + " step " + (i + 1) + ": studio " + a.get("loss").get(i)
                        + ", PyTorch " + b.get("loss").get(i) + " (" + difference[i] + " relative; PyTorch on 1 and 2 "
                        + "threads differ by up to " + floor + " so far)");
            }
            System.out.printf("%s: loss curves over %d steps agree within %.2e relative; PyTorch alone, 1 against 2 "
                    + "threads, differs by up to %.2e%n", id, STEPS, worst, Arrays.stream(spread).max().orElseThrow());
        }
        JsonNode studioEvaluation = a.get("finalEvaluation");
        JsonNode torchEvaluation = b.get("finalEvaluation");
        studioEvaluation.fieldNames().forEachRemaining(k -> assertTrue(torchEvaluation.has(k)
                || STUDIO_ONLY.contains(k), id + ": train.py's finalEvaluation lacks " + k));
        assertEquals(studioEvaluation.get("examples").asLong(), torchEvaluation.get("examples").asLong(),
                id + ": held-out examples");
        if (!STUDIO_ONLY.contains(studioEvaluation.get("headline").asText())) {
            assertEquals(studioEvaluation.get("headline").asText(), torchEvaluation.get("headline").asText(), id);
        }
        // Closed-form intervals come out the same; the bootstrap ones (detection mAP) are the studio's alone.
        studioEvaluation.get("ci95").fieldNames().forEachRemaining(k -> assertTrue(torchEvaluation.get("ci95").has(k)
                || STUDIO_ONLY.contains(k) || BOOTSTRAPPED.contains(k), id + ": train.py has no interval for " + k));
        for (String k : LIKELIHOODS) {
            if (a.get("finalEvaluation").has(k)) {
                double want = a.get("finalEvaluation").get(k).asDouble();
                double got = b.get("finalEvaluation").get(k).asDouble();
                System.out.printf("%s: held-out %s studio %.6f, PyTorch %.6f%n", id, k, want, got);
                assertTrue(Math.abs(got - want) <= LOSS_TOLERANCE * Math.max(1, Math.abs(want)),
                        id + ": held-out " + k + ": studio " + want + ", PyTorch " + got);
            }
        }
    }

    @Test
    void aCheckpointedExportGivesTheGradientsOfPlainTraining() throws Exception {
        Path out = dir.resolve("sqrt");
        CliRun export = CliRun.of("export", "--template", "deep-chain", "--format", "pytorch", "--out", out.toString(),
                "--steps", "1", "--batch", "64", "--checkpoint", "sqrt");
        assertEquals(0, export.exitCode(), export.err());
        String model = Files.readString(out.resolve("model.py"));
        assertTrue(model.contains("checkpoint(segment, *inputs, use_reentrant=False)"), model);
        try (InputStream in = ExportCommandTest.class.getResourceAsStream("checkpoint_grads.py")) {
            Files.copy(in, out.resolve("checkpoint_grads.py"));
        }
        String[] lines = python(out, "checkpoint_grads.py").strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
        System.out.println("deep-chain, sqrt in PyTorch: " + result);
        assertTrue(result.get("segments").asInt() >= 4, "sqrt of 64 blocks recomputes several segments: " + result);
        assertEquals(0.0, result.get("lossDifference").asDouble(), result.toString());
        assertEquals(0.0, result.get("gradientDifference").asDouble(), result.toString());
    }

    @Test
    void aNonEmptyFolderIsRefusedWithoutForce() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        CliRun run = CliRun.of("export", "--template", "deep-chain", "--format", "pytorch", "--out", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is not empty"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }

    @Test
    void anUnknownFormatIsRefused() {
        CliRun run = CliRun.of("export", "--template", "deep-chain", "--format", "tflite", "--out",
                dir.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--format must be pytorch or onnx"), run.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void anUnwritableFolderIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun run = CliRun.of("export", "--template", "deep-chain", "--format", "pytorch", "--out",
                file.resolve("sub").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot create"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void weightsOfAnotherProjectAreRefused() throws Exception {
        Path weights = dir.resolve("tr-weights");
        CliRun train = CliRun.of("train", "--template", "transformer-reverse", "--steps", "1", "--save",
                weights.toString());
        assertEquals(0, train.exitCode(), train.err());
        CliRun run = CliRun.of("export", "--template", "deep-chain", "--format", "pytorch", "--out",
                dir.resolve("out").toString(), "--weights", weights.toString(), "--steps", "1");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("another project"), run.err());
        assertEquals(1, run.err().strip().lines().filter(l -> !l.startsWith("export:")).count(), run.err());
    }

    /** |b − a| / |a| at every step. */
    private static double[] relativeDifferences(JsonNode a, JsonNode b) {
        double[] out = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            double want = a.get(i).asDouble();
            out[i] = Math.abs(b.get(i).asDouble() - want) / Math.max(Math.abs(want), 1e-12);
        }
        return out;
    }

    /** Runs a script of an exported package with the tests' Python and fails with its output if it fails. */
    static String python(Path folder, String... args) throws Exception {
        return python(folder, 1, args);
    }

    /** As {@link #python(Path, String...)} with {@code threads} OpenMP threads. */
    static String python(Path folder, int threads, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(TestPython.interpreter().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        // One thread: on a shared 2-core machine, OpenMP threads of two processes slow each other many times over.
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "python " + String.join(" ", args) + " did not finish");
        assertEquals(0, p.exitValue(), "python " + String.join(" ", args) + " failed:\n" + out);
        return out;
    }
}
