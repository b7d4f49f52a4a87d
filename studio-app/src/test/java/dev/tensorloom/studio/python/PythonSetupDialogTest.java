package dev.tensorloom.studio.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.python.PythonLocator;
import dev.tensorloom.studio.files.PythonPreferenceStore;
import dev.tensorloom.studio.fxtest.FxThreadRobot;
import dev.tensorloom.studio.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first time something needs Python and none fits, the setup dialog appears; Set up runs the real
 * venv and pip with progress and the log; Cancel kills pip and leaves nothing in the managed folder.
 */
@ExtendWith(ApplicationExtension.class)
class PythonSetupDialogTest {
    @TempDir
    Path home;
    private Stage owner;
    private final FxRobot robot = new FxThreadRobot();

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void aMissingPythonOffersSetupWhichShowsProgressAndCancelsCleanly() throws Exception {
        Path venv = home.resolve("python").resolve("venv");
        Path chosen = home.resolve("gone").resolve("bin").resolve("python");
        PythonPreferenceStore preferences = new PythonPreferenceStore(home.resolve("python.json"));
        preferences.setInterpreter(Optional.of(chosen));
        FxTaskExecutor tasks = new FxTaskExecutor();
        FxPythonDialogs dialogs = new FxPythonDialogs(owner, tasks);
        PythonEnvironmentService service = new PythonEnvironmentService(
                new PythonLocator(Map.of("PATH", System.getenv("PATH")), venv), preferences, tasks, dialogs);
        dialogs.setService(service);
        AtomicReference<String> unavailable = new AtomicReference<>();
        robot.interact(() -> service.require("Exporting to ONNX", p -> { }, unavailable::set));

        waitFor(60, () -> robot.lookup("#python-setup").tryQuery().isPresent());
        String reason = robot.lookup("#python-setup-reason").queryAs(Label.class).getText();
        assertTrue(reason.startsWith("Exporting to ONNX needs Python with PyTorch. The interpreter " + chosen), reason);

        robot.clickOn("#python-setup-start");
        TextArea log = robot.lookup("#python-setup-log").queryAs(TextArea.class);
        ProgressBar bar = robot.lookup("#python-setup-progress").queryAs(ProgressBar.class);
        // pip has started when it names what it collects; the bar has moved past the venv's share by then.
        waitFor(180, () -> log.getText().lines().anyMatch(l -> l.startsWith("Processing ") || l.startsWith("Collecting ")));
        assertTrue(bar.getProgress() >= 0.05, "progress " + bar.getProgress());
        assertTrue(log.getText().contains("tensorloom: creating a venv"), log.getText());
        List<ProcessHandle> pip = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("pip")).toList();
        assertFalse(pip.isEmpty(), "pip runs under the studio");

        robot.clickOn("#python-setup-cancel");
        Label outcome = robot.lookup("#python-setup-outcome").queryAs(Label.class);
        waitFor(60, () -> outcome.getText().startsWith("Setup cancelled"));
        for (ProcessHandle p : pip) {
            assertFalse(p.isAlive(), "pip was stopped: " + p.info().commandLine().orElse(""));
        }
        assertFalse(Files.exists(venv), "no venv");
        try (Stream<Path> left = Files.list(venv.getParent())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".venv.partial-")).toList(),
                    "no half-made venv");
        }

        robot.clickOn("#python-setup-cancel"); // now reads Close
        waitFor(10, () -> unavailable.get() != null);
        assertEquals("Exporting to ONNX needs Python with torch; it was not set up.", unavailable.get());
    }

    private static void waitFor(long seconds, java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
