package dev.tensorloom.studio.python;

import dev.tensorloom.execution.python.PythonLocator;
import dev.tensorloom.execution.python.PythonReport;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Preferences → Python: the interpreter the user chose (empty for automatic), and a report of the one
 * the studio would use now, which interpreter, why, its versions and what is missing. Reading and
 * storing the choice and probing Python run off the FX thread.
 */
public final class PythonPreferencesViewModel {
    private final PythonEnvironmentService service;
    private final TaskExecutor tasks;
    private final StringProperty interpreter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);

    public PythonPreferencesViewModel(PythonEnvironmentService service, TaskExecutor tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    /** Loads the stored choice, then checks the interpreter it leads to. */
    public void load() {
        BackgroundTask.wrap(() -> service.preferences().interpreter())
                .onSuccess(p -> {
                    interpreter.set(p.map(Path::toString).orElse(""));
                    check();
                })
                .onFailure(e -> report.set("Cannot read the Python preference: " + e.getMessage()))
                .executeWith(tasks);
    }

    /** Stores the typed interpreter (blank: automatic) and checks it. */
    public void apply() {
        String text = interpreter.get() == null ? "" : interpreter.get().strip();
        Optional<Path> choice = text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        BackgroundTask.wrap(() -> {
            service.preferences().setInterpreter(choice);
            return choice;
        }).onSuccess(c -> check()).onFailure(e -> report.set(e.getMessage())).executeWith(tasks);
    }

    /** Clears the choice: the studio picks the interpreter itself again. */
    public void useAutomatic() {
        interpreter.set("");
        apply();
    }

    /** Probes the interpreter the studio would use now (seconds: it imports torch). */
    public void check() {
        checking.set(true);
        report.set("Checking…");
        BackgroundTask.wrap(() -> {
            PythonLocator.Located located = service.locate();
            return new PythonReport(located, PythonReport.probe(located));
        }).onSuccess(r -> {
            checking.set(false);
            ready.set(r.satisfied());
            report.set(String.join("\n", r.lines()));
        }).onFailure(e -> {
            checking.set(false);
            ready.set(false);
            report.set("The check failed: " + e);
        }).executeWith(tasks);
    }

    /** The managed environment's folder, for the setup button. */
    public Path managedVenv() {
        return service.locator().managedVenv();
    }

    /** The interpreter field: a path to a python executable or a venv folder; blank for automatic. */
    public StringProperty interpreterProperty() {
        return interpreter;
    }

    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Whether the last check found every pinned version. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}
