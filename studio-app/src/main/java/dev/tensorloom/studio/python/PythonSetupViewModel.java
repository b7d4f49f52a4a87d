package dev.tensorloom.studio.python;

import dev.tensorloom.execution.python.PythonSetupException;
import dev.tensorloom.execution.python.SetupListener;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.studio.ui.CappedLog;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The Python setup dialog's state: what is set up where and why, the progress, pip's log, and the
 * outcome. The setup runs on its own thread (it takes minutes and must not hold a shared worker);
 * {@link #cancel} interrupts it, which kills pip and deletes the half-made venv before the state
 * turns {@link State#CANCELLED}.
 */
public final class PythonSetupViewModel {
    /** Where the dialog is. */
    public enum State { OFFERED, RUNNING, CANCELLING, SUCCEEDED, FAILED, CANCELLED }

    /** Runs the setup (ManagedPython.ensure in the studio) and returns the interpreter. */
    @FunctionalInterface
    public interface Setup {
        Path run(SetupListener listener) throws PythonSetupException, InterruptedException;
    }

    static final int MAX_LOG_LINES = 5000;

    private final Setup setup;
    private final TaskExecutor ui;
    private final Executor worker;
    private final Path venvDir;
    private final String reason;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.OFFERED);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final CappedLog log = new CappedLog(MAX_LOG_LINES);
    private volatile Thread running;
    private Consumer<Path> onSucceeded = p -> { };

    /**
     * @param setup   the work
     * @param ui      where state changes are applied (the FX thread; direct in tests)
     * @param worker  where the setup runs (a thread of its own)
     * @param venvDir where the environment goes, shown to the user
     * @param reason  why the dialog is offered, shown above the progress
     */
    public PythonSetupViewModel(Setup setup, TaskExecutor ui, Executor worker, Path venvDir, String reason) {
        this.setup = setup;
        this.ui = ui;
        this.worker = worker;
        this.venvDir = venvDir;
        this.reason = reason;
    }

    /** Called on the UI thread with the interpreter once the setup succeeded. */
    public void setOnSucceeded(Consumer<Path> callback) {
        onSucceeded = callback;
    }

    /** Starts the setup (again, after a failure or a cancel). */
    public void start() {
        if (state.get() == State.RUNNING || state.get() == State.CANCELLING) {
            return;
        }
        log.clear();
        outcome.set("");
        progress.set(0);
        stage.set("starting");
        state.set(State.RUNNING);
        worker.execute(this::work);
    }

    private void work() {
        running = Thread.currentThread();
        try {
            Path interpreter = setup.run(new SetupListener() {
                @Override
                public void onLine(String line) {
                    ui.ui(() -> appendLog(line));
                }

                @Override
                public void onProgress(double fraction, String what) {
                    ui.ui(() -> {
                        progress.set(fraction);
                        stage.set(what);
                    });
                }
            });
            ui.ui(() -> {
                progress.set(1);
                stage.set("ready");
                outcome.set("Python is ready: " + interpreter);
                state.set(State.SUCCEEDED);
                onSucceeded.accept(interpreter);
            });
        } catch (InterruptedException e) {
            ui.ui(() -> {
                stage.set("cancelled");
                outcome.set("Setup cancelled: pip was stopped and nothing was left in " + venvDir + ".");
                state.set(State.CANCELLED);
            });
        } catch (PythonSetupException | RuntimeException e) {
            ui.ui(() -> {
                stage.set("failed");
                outcome.set(e.getMessage());
                state.set(State.FAILED);
            });
        } finally {
            running = null;
            Thread.interrupted(); // a cancel that came after the work ended must not leak into the next task
        }
    }

    /** Stops a running setup (pip is killed, the half-made venv deleted); does nothing otherwise. */
    public void cancel() {
        Thread t = running;
        if (state.get() == State.RUNNING && t != null) {
            state.set(State.CANCELLING);
            stage.set("cancelling: stopping pip and deleting the half-made environment");
            t.interrupt();
        }
    }

    private void appendLog(String line) {
        log.add(line);
    }

    public Path venvDir() {
        return venvDir;
    }

    public String reason() {
        return reason;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The success line, pip's failure message, or the cancel note. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ObservableList<String> log() {
        return log.lines();
    }
}
