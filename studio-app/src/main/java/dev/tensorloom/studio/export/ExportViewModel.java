package dev.tensorloom.studio.export;

import dev.tensorloom.model.UserError;
import dev.tensorloom.studio.python.PythonRequirement;
import dev.tensorloom.studio.run.TrainedWeights;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Export dialog's state: the format, the folder (a non-empty one is replaced only after the user
 * agrees, as {@code --force} does), which weights (the last run's trained ones when there are any, else
 * the initial ones of the project's seed), and the export itself on a worker thread with its progress,
 * Cancel, and the outcome: the folder and, for ONNX, the verified largest differences.
 */
public final class ExportViewModel {
    /** Where the dialog is. */
    public enum State { EDITING, CONFIRMING_OVERWRITE, RUNNING, CANCELLING, SUCCEEDED, FAILED, CANCELLED }

    private final ProjectExporter exporter;
    private final TaskExecutor ui;
    private final Executor worker;
    private final PythonRequirement python;
    private final FolderOpener opener;
    private final TrainedWeights trained;
    private final long seed;

    private final ReadOnlyObjectWrapper<ExportFormat> format = new ReadOnlyObjectWrapper<>(ExportFormat.PYTORCH);
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper useTrained = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EDITING);
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> exported = new ReadOnlyObjectWrapper<>();
    private volatile boolean cancelRequested;
    private volatile Thread running;

    /**
     * @param trained the last run's saved weights, or null when no run trained this graph
     * @param seed    the project's seed, whose initial weights are exported otherwise
     */
    public ExportViewModel(ProjectExporter exporter, TaskExecutor ui, Executor worker, PythonRequirement python,
            FolderOpener opener, TrainedWeights trained, long seed) {
        this.exporter = Objects.requireNonNull(exporter);
        this.ui = Objects.requireNonNull(ui);
        this.worker = Objects.requireNonNull(worker);
        this.python = Objects.requireNonNull(python);
        this.opener = Objects.requireNonNull(opener);
        this.trained = trained;
        this.seed = seed;
        useTrained.set(trained != null);
        folder.addListener((o, a, b) -> updateCanExport());
        state.addListener((o, a, b) -> updateCanExport());
    }

    public void setFormat(ExportFormat f) {
        if (editable()) {
            format.set(Objects.requireNonNull(f));
        }
    }

    public void setFolder(Path f) {
        if (editable()) {
            folder.set(f == null ? null : f.toAbsolutePath().normalize());
        }
    }

    /** Exports the last run's trained weights ({@code true}, when there are any) or the seed's initial ones. */
    public void setUseTrainedWeights(boolean use) {
        if (editable()) {
            useTrained.set(use && trained != null);
        }
    }

    /** Starts the export; a folder that holds something is first put to the user ({@link State#CONFIRMING_OVERWRITE}). */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Path target = folder.get();
        outcome.set("");
        note.set("");
        BackgroundTask.wrap(() -> itemsIn(target)).onSuccess(items -> {
            if (items == 0) {
                begin(false);
            } else {
                question.set(target + " is not empty (" + items + (items == 1 ? " item" : " items") + "). Exporting "
                        + "deletes everything in it first.");
                state.set(State.CONFIRMING_OVERWRITE);
            }
        }).onFailure(e -> fail(message(e))).executeWith(ui);
    }

    /** The user agreed to replace what the folder holds. */
    public void confirmOverwrite() {
        if (state.get() == State.CONFIRMING_OVERWRITE) {
            begin(true);
        }
    }

    /** The user keeps the folder as it is: back to choosing. */
    public void keepFolder() {
        if (state.get() == State.CONFIRMING_OVERWRITE) {
            question.set("");
            state.set(State.EDITING);
        }
    }

    private void begin(boolean force) {
        question.set("");
        cancelRequested = false;
        progress.set(0);
        state.set(State.RUNNING);
        ExportFormat f = format.get();
        Path weights = useTrained.get() ? trained.folder() : null;
        if (!f.needsPython()) {
            launch(new ExportJob(f, folder.get(), force, weights, null));
            return;
        }
        phase.set("looking for Python with torch and onnx");
        python.require("Exporting to ONNX", interpreter -> {
            if (state.get() == State.RUNNING && !cancelRequested) {
                launch(new ExportJob(f, folder.get(), force, weights, interpreter));
            } else {
                cancelled(false);
            }
        }, reason -> {
            if (state.get() == State.RUNNING || state.get() == State.CANCELLING) {
                fail(reason);
            }
        });
    }

    private void launch(ExportJob job) {
        phase.set("starting");
        worker.execute(() -> work(job));
    }

    private void work(ExportJob job) {
        running = Thread.currentThread();
        try {
            ExportOutcome result = exporter.export(job, (what, fraction) -> {
                if (cancelRequested) {
                    throw new CancelledExport();
                }
                ui.ui(() -> {
                    progress.set(fraction);
                    phase.set(what);
                });
            });
            ui.ui(() -> succeeded(result));
        } catch (Exception | Error e) {
            if (cancelRequested) {
                boolean cleaned = deleteContents(job.folder());
                ui.ui(() -> cancelled(cleaned));
            } else {
                ui.ui(() -> fail(message(e)));
            }
        } finally {
            running = null;
            Thread.interrupted(); // a late cancel must not leak into the worker's next task
        }
    }

    /** Stops a running export (Python is killed); what it wrote is deleted. Does nothing otherwise. */
    public void cancel() {
        if (state.get() != State.RUNNING) {
            return;
        }
        cancelRequested = true;
        state.set(State.CANCELLING);
        phase.set("cancelling");
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Shows the exported folder in the file manager; where that is not possible, says where it is. */
    public void openFolder() {
        Path target = exported.get();
        if (target == null) {
            return;
        }
        BackgroundTask.wrap(() -> {
            opener.open(target);
            return target;
        }).onSuccess(p -> note.set("")).onFailure(e -> note.set("Could not open the folder (" + e.getMessage()
                + "); the package is in " + target)).executeWith(ui);
    }

    private void succeeded(ExportOutcome r) {
        exported.set(r.folder());
        progress.set(1);
        phase.set("done");
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Exported %s to %s: %,d parameters with %s, "
                + "%d steps of data.", format.get() == ExportFormat.ONNX ? "model.onnx and the PyTorch package"
                : "the PyTorch package", r.folder(), r.parameters(), weightsWords(), r.dataSteps()));
        if (r.onnx() != null) {
            line.append(String.format(Locale.ROOT, " ONNX Runtime against the studio's engine on a batch of %d: largest "
                    + "absolute difference %.3g, relative %.3g (tolerance %.0e).", r.onnx().batch(),
                    r.onnx().maxAbsolute(), r.onnx().maxRelative(), r.onnx().tolerance()));
        }
        outcome.set(line.toString());
        state.set(State.SUCCEEDED);
    }

    private String weightsWords() {
        return useTrained.get() ? trained.describe() : "initial weights for seed " + seed;
    }

    private void cancelled(boolean cleaned) {
        phase.set("cancelled");
        outcome.set("Export cancelled" + (cleaned ? "; what it had written was deleted." : "."));
        state.set(State.CANCELLED);
    }

    private void fail(String message) {
        phase.set("failed");
        outcome.set("Export failed: " + message);
        state.set(State.FAILED);
    }

    private boolean editable() {
        return state.get() != State.RUNNING && state.get() != State.CANCELLING;
    }

    private void updateCanExport() {
        canExport.set(folder.get() != null && (state.get() == State.EDITING || state.get() == State.SUCCEEDED
                || state.get() == State.FAILED || state.get() == State.CANCELLED));
    }

    /** User errors and I/O problems carry their own sentence; anything else is named by its kind. */
    static String message(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage().strip();
        if (e instanceof UserError || e instanceof IOException || e instanceof IllegalArgumentException) {
            return m.isEmpty() ? e.getClass().getSimpleName() : m;
        }
        return e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }

    private static long itemsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    /** Empties the folder a cancelled export wrote into (its old contents were replaced with the user's consent). */
    private static boolean deleteContents(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Thrown from the progress callback to end an export the user cancelled. */
    private static final class CancelledExport extends RuntimeException {
        CancelledExport() {
            super("cancelled", null, false, false);
        }
    }

    // ---- properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ExportFormat> formatProperty() {
        return format.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty useTrainedWeightsProperty() {
        return useTrained.getReadOnlyProperty();
    }

    /** Whether the last run left trained weights that fit this graph. */
    public boolean trainedWeightsAvailable() {
        return trained != null;
    }

    /** The trained-weights choice in words, or why there is none. */
    public String trainedWeightsText() {
        return trained == null ? "Trained weights: none yet (train in the Run tab first)"
                : "Trained: " + trained.describe();
    }

    public String initialWeightsText() {
        return "Initial weights for the project's seed (" + seed + ")";
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the export does now, in a few words. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The overwrite question while {@link State#CONFIRMING_OVERWRITE}, else empty. */
    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The result line, the error, or the cancel note. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Why the folder could not be opened, when it could not. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The folder of the last successful export (Open folder), or null. */
    public ReadOnlyObjectProperty<Path> exportedFolderProperty() {
        return exported.getReadOnlyProperty();
    }
}
