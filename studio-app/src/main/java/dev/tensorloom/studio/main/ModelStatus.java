package dev.tensorloom.studio.main;

import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.studio.files.DocumentContents;
import dev.tensorloom.studio.problems.ProblemsViewModel;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.OneAtATime;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar and the canvas badges say about the open model: its background check (validation
 * verdict, parameter count, per-node annotations, the problems list) and the compute device. Both are worked
 * out off the UI thread; edits during a check start one more check afterwards, never several at once.
 */
final class ModelStatus {
    private final Document document;
    private final ModelChecker checker;
    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("Not checked yet");
    private final ReadOnlyStringWrapper parameters = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Map<String, NodeAnnotation>> annotations = new ReadOnlyObjectWrapper<>(Map.of());
    private final ProblemsViewModel problems = new ProblemsViewModel();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("Device: …");
    private final OneAtATime<Void> checks = new OneAtATime<>(v -> check());
    private boolean deviceProbing;

    ModelStatus(Document document, ModelChecker checker, TaskExecutor tasks) {
        this.document = document;
        this.checker = checker;
        this.tasks = tasks;
    }

    /** The model changed: check a copy of it in the background. */
    void requestCheck() {
        checks.request(null);
    }

    boolean isCheckPending() {
        return checks.busy();
    }

    private void check() {
        Document copy = DocumentContents.copy(document);
        BackgroundTask.wrap(() -> checker.check(copy)).onSuccess(summary -> {
            validation.set(summary.validation());
            parameters.set(summary.parameters());
            annotations.set(summary.annotations());
            problems.update(summary.problems());
            checks.done();
        }).onFailure(e -> {
            validation.set("Check failed: " + e.getMessage());
            problems.update(List.of());
            checks.done();
        }).executeWith(tasks);
    }

    /** Asks for the compute device once, on a background thread (engines load slowly). */
    void probeDevice(Supplier<String> probe) {
        deviceProbing = true;
        BackgroundTask.wrap(probe::get)
                .onSuccess(d -> deviceKnown("Device: " + d))
                .onFailure(e -> deviceKnown("Device: unavailable"))
                .executeWith(tasks);
    }

    private void deviceKnown(String text) {
        device.set(text);
        deviceProbing = false;
    }

    boolean isDeviceProbePending() {
        return deviceProbing;
    }

    ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    ReadOnlyStringProperty parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Map<String, NodeAnnotation>> annotationsProperty() {
        return annotations.getReadOnlyProperty();
    }

    ProblemsViewModel problems() {
        return problems;
    }

    ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }
}
