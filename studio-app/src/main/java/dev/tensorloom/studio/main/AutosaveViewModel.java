package dev.tensorloom.studio.main;

import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectFileException;
import dev.tensorloom.studio.files.DocumentContents;
import dev.tensorloom.studio.files.RecoveryStore;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autosave and crash recovery. Every {@link #INTERVAL} the view calls {@link #autosave()}, which
 * copies unsaved work to the recovery folder in the background. The copy is deleted once the work
 * is saved or deliberately discarded, so a copy found at start means the last session crashed.
 */
public final class AutosaveViewModel {
    public static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AutosaveViewModel.class);
    private final MainWindowViewModel main;
    private final RecoveryStore store;
    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper lastAutosave = new ReadOnlyStringWrapper("");
    private long savedRevision = -1;

    public AutosaveViewModel(MainWindowViewModel main, RecoveryStore store, TaskExecutor tasks) {
        this.main = main;
        this.store = store;
        this.tasks = tasks;
        main.modifiedProperty().addListener((o, was, is) -> {
            if (!is) {
                store.delete();
                savedRevision = -1;
            }
        });
    }

    /** Writes the recovery copy if there is unsaved work the last copy does not hold yet. */
    public void autosave() {
        long revision = main.undoStack().revision();
        if (!main.modifiedProperty().get() || revision == savedRevision) {
            return;
        }
        Project copy = new Project(main.projectNameProperty().get(), DocumentContents.copy(main.document()));
        BackgroundTask.wrap(() -> {
            store.write(copy);
            return revision;
        }).onSuccess(r -> {
            savedRevision = r;
            lastAutosave.set("Autosaved");
        }).onFailure(e -> {
            LOG.warn("autosave failed: {}", e.getMessage());
            lastAutosave.set("Autosave failed: " + e.getMessage());
        }).executeWith(tasks);
    }

    /**
     * At start: if a recovery copy exists, offers to restore it. Returns true when work was restored;
     * a declined or unreadable copy is deleted.
     */
    public boolean offerRecovery(DialogService dialogs) {
        if (!store.exists()) {
            return false;
        }
        Optional<Project> recovered;
        try {
            recovered = store.read();
        } catch (ProjectFileException e) {
            LOG.warn("unreadable recovery file: {}", e.getMessage());
            store.delete();
            return false;
        }
        if (recovered.isPresent() && dialogs.offerRecovery("Unsaved work on \"" + recovered.get().name()
                + "\" was recovered from a session that did not end normally. Restore it?")) {
            main.loadRecovered(recovered.get());
            return true;
        }
        store.delete();
        return false;
    }

    /** The user chose to close without saving: the copy must not come back at the next start. */
    public void discard() {
        store.delete();
    }

    public ReadOnlyStringProperty lastAutosaveProperty() {
        return lastAutosave.getReadOnlyProperty();
    }
}
