package dev.tensorloom.studio.python;

import dev.tensorloom.execution.python.ManagedPython;
import dev.tensorloom.studio.task.TaskExecutor;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The studio's Python windows: the setup dialog (the {@link PythonEnvironmentService.SetupPrompt}) and
 * Preferences → Python. Closing the setup window while pip runs cancels it first.
 */
public final class FxPythonDialogs implements PythonEnvironmentService.SetupPrompt {
    private static final double SETUP_WIDTH = 760;
    private static final double SETUP_HEIGHT = 560;
    private final Window owner;
    private final TaskExecutor tasks;
    private PythonEnvironmentService service;

    public FxPythonDialogs(Window owner, TaskExecutor tasks) {
        this.owner = owner;
        this.tasks = tasks;
    }

    /** The service whose preferences the Preferences window edits (it takes this prompt, hence not in the constructor). */
    public void setService(PythonEnvironmentService service) {
        this.service = service;
    }

    @Override
    public void offer(Path venvDir, String reason, Consumer<Path> onReady, Runnable onClosed) {
        PythonSetupViewModel vm = new PythonSetupViewModel(listener -> ManagedPython.at(venvDir).ensure(listener),
                tasks, work -> {
                    Thread t = new Thread(work, "tensorloom-python-setup");
                    t.setDaemon(true);
                    t.start();
                }, venvDir, reason);
        Stage stage = stage("Python environment");
        Path[] ready = new Path[1];
        vm.setOnSucceeded(p -> ready[0] = p);
        stage.setScene(scene(new PythonSetupView(vm, stage::close), SETUP_WIDTH, SETUP_HEIGHT));
        stage.setOnCloseRequest(e -> {
            if (vm.stateProperty().get() == PythonSetupViewModel.State.RUNNING
                    || vm.stateProperty().get() == PythonSetupViewModel.State.CANCELLING) {
                e.consume(); // the window closes once pip is stopped and the half-made venv deleted
                vm.cancel();
                vm.stateProperty().addListener((o, a, s) -> stage.close());
            }
        });
        stage.setOnHidden(e -> {
            if (ready[0] != null) {
                onReady.accept(ready[0]);
            } else {
                onClosed.run();
            }
        });
        stage.show();
    }

    /** Tools → Python environment…: the setup dialog for the managed environment, whatever its state. */
    public void showSetup() {
        Path venv = service.locator().managedVenv();
        offer(venv, "Tensorloom's own environment lives in " + venv + ". Set up creates it, or repairs it when a "
                + "pinned version is missing or differs; when it is complete this takes a second.", p -> { }, () -> { });
    }

    /** Tools → Preferences…: the Python page. */
    public void showPreferences() {
        PythonPreferencesViewModel vm = new PythonPreferencesViewModel(service, tasks);
        Stage stage = stage("Preferences");
        stage.setScene(scene(new PythonPreferencesView(vm, this::chooseInterpreter, this::showSetup, stage::close),
                SETUP_WIDTH, SETUP_HEIGHT - 60));
        stage.show();
        vm.load();
    }

    private File chooseInterpreter(File current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a Python interpreter");
        if (current != null && current.getParentFile() != null && current.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParentFile());
        }
        return chooser.showOpenDialog(owner);
    }

    private Stage stage(String title) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        return stage;
    }

    private Scene scene(javafx.scene.Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return scene;
    }
}
