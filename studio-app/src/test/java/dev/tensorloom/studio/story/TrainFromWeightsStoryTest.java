package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.export.ExportRequest;
import dev.tensorloom.execution.export.PyTorchPackage;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.testing.TestPython;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.run.RunState;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user trains transformer-reverse with the exported package's own {@code train.py}, then brings those weights
 * back: Train from weights… in the Run tab starts the studio's run from them. The first step's loss is the loss
 * PyTorch computes for the same weights and batch, far below the loss of the seed's initial weights, and the
 * watched node's activations arrive. Weights of another project fail the run with a message naming the file.
 */
class TrainFromWeightsStoryTest extends StudioStoryBase {
    private static Path python;
    @TempDir
    Path tmp;

    @BeforeAll
    static void makePython() {
        python = TestPython.interpreter();
    }

    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    @Test
    void weightsTrainedByTrainPyLoadBackIntoTheStudio() throws Exception {
        Path pkg = export("transformer-reverse", tmp.resolve("package"));
        Path trained = tmp.resolve("trained-by-pytorch");
        Path fresh = tmp.resolve("fresh.json");
        trainPy(pkg, "--steps", "60", "--save", trained.toString(), "--metrics-out", fresh.toString());
        // Step 1's loss is taken before any update, so it is the loss of the weights it starts from.
        Path again = tmp.resolve("again.json");
        trainPy(pkg, "--steps", "1", "--weights", trained.resolve("weights.safetensors").toString(),
                "--metrics-out", again.toString());
        double initialLoss = firstLoss(fresh);
        double pytorchLoss = firstLoss(again);

        openTemplate("transformer-reverse");
        robot.interact(() -> window.runPanel().settings().setSteps(3));
        robot.interact(() -> window.editor().canvas().select(List.of("enc1")));
        dialogs.weightsFolders.add(trained);
        robot.clickOn("#run-start-from-weights");
        awaitEnd();
        assertEquals(RunState.FINISHED, window.runPanel().stateProperty().get(), window.runPanel().failureProperty().get());
        assertTrue(window.runPanel().log().get(0).endsWith(", from the weights in " + trained), window.runPanel().log().get(0));
        double studioLoss = window.runPanel().charts().lossPoints().get().get(0).y();
        System.out.printf("train from weights: studio (DJL) first loss %.7f, train.py on the same weights %.7f, "
                + "relative difference %.2e; the seed's initial weights %.7f%n", studioLoss, pytorchLoss,
                Math.abs(studioLoss - pytorchLoss) / pytorchLoss, initialLoss);
        assertEquals(pytorchLoss, studioLoss, 1e-3 * pytorchLoss,
                "the studio's first loss on PyTorch's weights (PyTorch's own: " + pytorchLoss + ")");
        assertTrue(studioLoss < 0.95 * initialLoss,
                "trained weights start lower than the seed's: " + studioLoss + " against " + initialLoss);
        assertFalse(window.activations().statisticsProperty().get().isBlank(), "the watched node's activations came");
        // The run trained from them like any other: its weights are offered to File → Export… once saved.
        waitFor(30, () -> window.runPanel().trainedWeightsProperty().get() != null);
        assertEquals(3, window.runPanel().trainedWeightsProperty().get().steps());
    }

    @Test
    void weightsOfAnotherProjectFailTheRunNamingTheFile() throws Exception {
        Path other = export("realnvp-moons", tmp.resolve("other-project"));
        openTemplate("transformer-reverse");
        dialogs.weightsFolders.add(other);
        robot.clickOn("#run-start-from-weights");
        awaitEnd();
        assertEquals(RunState.FAILED, window.runPanel().stateProperty().get());
        String failure = window.runPanel().failureProperty().get();
        assertTrue(failure.contains(other.resolve("weights.safetensors") + " holds "), failure);
        assertTrue(failure.contains("were these weights trained for another project?"), failure);
    }

    private void openTemplate(String id) throws Exception {
        dialogs.templates.add(id);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(30, () -> window.viewModel().document().node("enc2").isPresent());
    }

    private void awaitEnd() throws Exception {
        waitFor(300, () -> window.runPanel().stateProperty().get() == RunState.FINISHED
                || window.runPanel().stateProperty().get() == RunState.FAILED);
    }

    /** The template's PyTorch package with the initial weights of its seed and 60 steps of data. */
    private static Path export(String template, Path out) throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        Project project = ProjectReader.fromJson(catalog.projectJson(template), catalog.sourceName(template));
        PyTorchPackage.standard().write(new ExportRequest(project.document(), template, "test",
                RunOptions.PROJECT.withSteps(60), null, out, false), (phase, fraction) -> { });
        return out;
    }

    private static void trainPy(Path pkg, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python.toString(), "train.py"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("train-py", ".log");
        Process p = new ProcessBuilder(command).directory(pkg.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "train.py did not finish");
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    private static double firstLoss(Path metrics) throws Exception {
        return new ObjectMapper().readTree(metrics.toFile()).path("loss").get(0).asDouble();
    }

    private static void waitFor(long seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
