package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.python.PythonLocator;
import dev.tensorloom.execution.testing.TestPython;
import dev.tensorloom.studio.files.PythonPreferenceStore;
import dev.tensorloom.studio.main.MainWindowView;
import dev.tensorloom.studio.python.PythonEnvironmentService;
import dev.tensorloom.studio.run.RunState;
import dev.tensorloom.studio.run.TrainedWeights;
import dev.tensorloom.studio.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user opens transformer-reverse, picks PyTorch in the Run tab's engine picker, trains a few steps in a child
 * Python process (the loss chart fills, the watched node's activations arrive, the PyTorch memory tab shows what
 * autograd saved per block in the measured step, no Python is left afterwards),
 * then exports with File → Export…: the PyTorch package with the trained weights into an empty folder, and
 * ONNX, verified with ONNX Runtime, into a folder that holds something (after agreeing to replace it).
 */
class PyTorchStoryTest extends StudioStoryBase {
    private static Path python;
    @TempDir
    Path tmp;
    private final List<Path> opened = new ArrayList<>();

    @BeforeAll
    static void makePython() {
        python = TestPython.interpreter();
    }

    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage, new MainWindowView.WindowActions() {
            @Override
            public void exportProject() {
                window.showExport(stage, opened::add);
            }

            // The rest is not part of this story.
            @Override
            public void cut() {
            }

            @Override
            public void copy() {
            }

            @Override
            public void paste() {
            }

            @Override
            public void exportPicture() {
            }

            @Override
            public void useDarkTheme(boolean dark) {
            }

            @Override
            public void showShortcuts() {
            }

            @Override
            public void showAbout() {
            }

            @Override
            public void quit() {
            }
        });
        FxTaskExecutor tasks = new FxTaskExecutor();
        window.setPythonEnvironment(new PythonEnvironmentService(
                new PythonLocator(Map.of(PythonLocator.ENV_VARIABLE, python.toString()), home.resolve("venv")),
                new PythonPreferenceStore(home.resolve("python.json")), tasks, (venv, reason, ready, closed) -> {
                    throw new AssertionError("the test's Python should fit, but setup was offered: " + reason);
                }));
    }

    @Test
    void trainOnPyTorchThenExportThePackageAndOnnx() throws Exception {
        dialogs.templates.add("transformer-reverse");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(30, () -> window.viewModel().document().node("enc2").isPresent());
        // Few steps and little data keep the story short; the Steps field commits through the same call.
        robot.interact(() -> window.runPanel().settings().setSteps(6));
        robot.interact(() -> window.editor().canvas().select(List.of("enc1")));

        robot.clickOn("#run-engine").clickOn("PyTorch");
        Label status = robot.lookup("#run-engine-status").queryAs(Label.class);
        waitFor(120, () -> status.getText().startsWith("torch "));
        assertEquals("Python: " + python, window.engine().interpreterProperty().get());
        robot.clickOn("#run-start");
        waitFor(300, () -> window.runPanel().stateProperty().get() == RunState.FINISHED
                || window.runPanel().stateProperty().get() == RunState.FAILED);
        assertEquals(RunState.FINISHED, window.runPanel().stateProperty().get(), window.runPanel().failureProperty().get());
        assertTrue(window.runPanel().log().get(0).startsWith("Preparing (PyTorch on cpu, 1 process)"),
                window.runPanel().log().get(0));
        LineChart<?, ?> loss = robot.lookup("#chart-loss").queryAs(LineChart.class);
        assertEquals(6, loss.getData().get(0).getData().size(), "one loss point per step");
        String progress = robot.lookup("#run-progress-text").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("Finished at step 6 / 6 · loss "), progress);
        assertFalse(window.activations().statisticsProperty().get().isBlank(), "the watched node's activations came");
        // The engine measured its second step: what autograd saved per block, and memory in use around each block.
        var measured = window.torchMemory().measurementProperty().get();
        assertEquals(2, measured.step());
        assertTrue(measured.savedBytes().get("enc1") > 0, measured.savedBytes().toString());
        assertFalse(measured.samples().isEmpty());
        robot.clickOn("PyTorch memory");
        assertTrue(robot.lookup("#torch-memory-headline").queryAs(Label.class).getText()
                .startsWith("PyTorch run, step 2 on cpu, read with glibc mallinfo2: autograd saved "));
        assertFalse(robot.lookup("#torch-memory-saved").queryAs(javafx.scene.chart.BarChart.class).getData().isEmpty());
        // The tab, not the Run menu of the same name.
        robot.clickOn(robot.lookup(".tab-label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals("Run")).findFirst().orElseThrow());
        waitFor(30, () -> window.runPanel().trainedWeightsProperty().get() != null);
        TrainedWeights trained = window.runPanel().trainedWeightsProperty().get();
        assertEquals(6, trained.steps());
        waitFor(30, () -> ProcessHandle.current().descendants()
                .noneMatch(p -> p.info().commandLine().orElse("").contains("train.py")));

        // File → Export…: the PyTorch package with the weights just trained, into a new folder.
        Path packageDir = tmp.resolve("reverse-package");
        robot.clickOn("File").clickOn("Export…");
        waitFor(10, () -> robot.lookup("#export-dialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#export-weights-trained").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        setFolder(robot, packageDir);
        robot.clickOn("#export-start");
        Label outcome = robot.lookup("#export-outcome").queryAs(Label.class);
        waitFor(300, () -> !outcome.getText().isEmpty());
        assertTrue(outcome.getText().startsWith("Exported the PyTorch package to " + packageDir), outcome.getText());
        assertTrue(outcome.getText().contains(" parameters with the last run's weights (6 steps on PyTorch), 6 steps of data."),
                outcome.getText());
        for (String file : List.of("model.py", "weights.safetensors", "train.py", "metrics.py", "README.md",
                "export.json")) {
            assertTrue(Files.isRegularFile(packageDir.resolve(file)), file);
        }
        assertTrue(Files.isDirectory(packageDir.resolve("data")));
        assertTrue(Files.readString(packageDir.resolve("model.py")).contains("class "), "model.py holds the model");
        JsonNode manifest = new ObjectMapper().readTree(packageDir.resolve("export.json").toFile());
        assertEquals(trained.folder().toString(), manifest.path("weights").asText());
        robot.clickOn("#export-open-folder");
        waitFor(10, () -> !opened.isEmpty());
        assertEquals(List.of(packageDir), opened);

        // ONNX of the same project into a folder that already holds the package: asked first, then replaced.
        robot.clickOn("#export-format-onnx");
        robot.clickOn("#export-start");
        waitFor(10, () -> robot.lookup("#export-overwrite-question").queryAs(Label.class).isVisible());
        robot.clickOn("#export-overwrite-confirm");
        waitFor(600, () -> outcome.getText().contains("ONNX Runtime") || outcome.getText().startsWith("Export failed"));
        assertTrue(outcome.getText().matches("Exported model.onnx and the PyTorch package to .*ONNX Runtime against "
                + "the studio's engine on a batch of \\d+: largest absolute difference \\S+, relative \\S+ "
                + "\\(tolerance 1e-04\\)\\."), outcome.getText());
        assertTrue(Files.size(packageDir.resolve("model.onnx")) > 0);
        robot.clickOn("#export-cancel"); // reads Close now
        waitFor(10, () -> robot.lookup("#export-dialog").tryQuery().isEmpty());
    }

    @Test
    void aHundredStepRunOnPyTorchFillsTheChartAndStopLeavesNoChild() throws Exception {
        dialogs.templates.add("transformer-reverse");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(30, () -> window.viewModel().document().node("enc2").isPresent());
        robot.interact(() -> window.runPanel().settings().setSteps(100));
        robot.clickOn("#run-engine").clickOn("PyTorch");
        Label status = robot.lookup("#run-engine-status").queryAs(Label.class);
        waitFor(120, () -> status.getText().startsWith("torch "));
        robot.clickOn("#run-start");
        LineChart<?, ?> loss = robot.lookup("#chart-loss").queryAs(LineChart.class);
        waitFor(300, () -> !loss.getData().isEmpty() && loss.getData().get(0).getData().size() >= 20);
        robot.clickOn("#run-stop");
        waitFor(60, () -> window.runPanel().stateProperty().get() == RunState.STOPPED);
        int points = loss.getData().get(0).getData().size();
        assertTrue(points >= 20 && points < 100, "stopped part-way with the chart filled: " + points + " points");
        waitFor(30, () -> ProcessHandle.current().descendants()
                .noneMatch(p -> p.info().commandLine().orElse("").contains("train.py")));
    }

    private static void setFolder(FxRobot robot, Path folder) {
        TextField field = robot.lookup("#export-folder").queryAs(TextField.class);
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(folder.toString())
                .type(KeyCode.TAB); // commits the folder as leaving the field does
    }

    private static void waitFor(long seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
