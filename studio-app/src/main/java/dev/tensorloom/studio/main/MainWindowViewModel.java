package dev.tensorloom.studio.main;

import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectFileException;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.model.io.ProjectWriter;
import dev.tensorloom.studio.files.DocumentContents;
import dev.tensorloom.studio.files.RecentFiles;
import dev.tensorloom.studio.problems.ProblemsViewModel;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and file commands: the one document being edited and its undo history,
 * the file it belongs to, the title with its modified marker, recent files, and the status bar.
 * Opening, saving and checking run as {@link BackgroundTask}s; questions go through
 * {@link DialogService}, so every decision is testable without a stage.
 */
public final class MainWindowViewModel {
    public static final String APP_NAME = "Tensorloom Studio";
    public static final String UNTITLED = "Untitled";
    static final String MODIFIED_MARKER = "•";

    private final Document document = new Document();
    private final UndoStack undoStack = new UndoStack(document, 500);
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final RecentFiles recentStore;
    private final TemplateCatalog templates;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper projectName = new ReadOnlyStringWrapper(UNTITLED);
    private final ReadOnlyIntegerWrapper projectsLoaded = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ModelStatus status;
    // True once a run panel is attached to the window (a view model alone cannot train).
    private final ReadOnlyBooleanWrapper runAvailable = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    // One read-only view, kept: a fresh wrapper per call is held only weakly by the list it wraps,
    // so listeners added to it would be collected with it.
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);

    private final ProjectBlocks projectBlocks = new ProjectBlocks();
    /** Set for recovered work: a cleared history counts as saved, but that work is saved nowhere. */
    private boolean forceModified;

    public MainWindowViewModel(DialogService dialogs, TaskExecutor tasks, RecentFiles recentStore,
            ModelChecker checker, TemplateCatalog templates) {
        this.dialogs = Objects.requireNonNull(dialogs);
        this.tasks = Objects.requireNonNull(tasks);
        this.recentStore = Objects.requireNonNull(recentStore);
        this.templates = Objects.requireNonNull(templates);
        this.status = new ModelStatus(document, Objects.requireNonNull(checker), this.tasks);
        recentFiles.setAll(recentStore.load());
        dropMissingRecentFiles();
        undoStack.addListener(s -> historyChanged());
        projectName.addListener((o, a, b) -> updateTitle());
        historyChanged();
    }

    // ---- file commands ---------------------------------------------------------------------

    /** File → New: an empty untitled project, after asking about unsaved changes. */
    public void newProject() {
        whenSafeToDiscard(() -> load(new Project(UNTITLED, new Document()), null));
    }

    /** File → Open: asks for a file, then opens it. */
    public void open() {
        whenSafeToDiscard(() -> dialogs.chooseFileToOpen().ifPresent(this::openFileNow));
    }

    /** Opens a given file (recent files, drag and drop), after asking about unsaved changes. */
    public void open(Path path) {
        whenSafeToDiscard(() -> openFileNow(path));
    }

    /** File → New from template: the gallery, then an untitled copy of the chosen template. */
    public void newFromTemplate() {
        whenSafeToDiscard(() -> dialogs.chooseTemplate().ifPresent(this::openTemplateNow));
    }

    /** An untitled copy of a template, after asking about unsaved changes. */
    public void openTemplate(String templateId) {
        whenSafeToDiscard(() -> openTemplateNow(templateId));
    }

    /** File → Save: to the current file, or asks for one. */
    public void save() {
        save(() -> { });
    }

    /** File → Save as. */
    public void saveAs() {
        dialogs.chooseFileToSave(projectName.get()).ifPresent(target -> saveTo(target, () -> { }));
    }

    /**
     * The decision point before the current work would be lost: runs {@code proceed} at once when
     * nothing is unsaved; otherwise asks, and saves first, proceeds without saving, or does nothing.
     */
    public void whenSafeToDiscard(Runnable proceed) {
        if (!undoStack.isModified()) {
            proceed.run();
            return;
        }
        switch (dialogs.askToSaveChanges(projectName.get())) {
            case SAVE -> save(proceed);
            case DISCARD -> proceed.run();
            case CANCEL -> { }
            default -> throw new IllegalStateException();
        }
    }

    /** Loads a project as the current work; {@code source} is its file, or null for untitled work. */
    public void load(Project project, Path source) {
        load(project, source, false);
    }

    private void load(Project project, Path source, boolean unsaved) {
        forceModified = unsaved;
        DocumentContents.replace(document, project.document());
        projectBlocks.loaded(project.blocks());
        undoStack.clear();
        file.set(source);
        projectName.set(project.name());
        historyChanged();
        projectsLoaded.set(projectsLoaded.get() + 1);
    }

    /** Counts projects loaded (opened, from a template, recovered): the view fits a new project in view. */
    public ReadOnlyIntegerProperty projectsLoadedProperty() {
        return projectsLoaded.getReadOnlyProperty();
    }

    /** Loads recovered work: untitled and marked modified, since it was never saved. */
    public void loadRecovered(Project project) {
        load(project, null, true);
    }

    private void save(Runnable then) {
        Path target = file.get();
        if (target == null) {
            dialogs.chooseFileToSave(projectName.get()).ifPresent(t -> saveTo(t, then));
        } else {
            saveTo(target, then);
        }
    }

    private void saveTo(Path target, Runnable then) {
        Path withExtension = ProjectFiles.withExtension(target);
        String name = ProjectFiles.stem(withExtension);
        Document copied = DocumentContents.copy(document);
        Project copy = new Project(name, copied, projectBlocks.embedFor(copied));
        long revisionAtSave = undoStack.revision();
        BackgroundTask.wrap(() -> {
            ProjectWriter.write(copy, withExtension);
            return withExtension;
        }).onRunning(() -> busy.set(true)).onSuccess(saved -> {
            busy.set(false);
            // Edits made while writing are not in the file, so only mark saved when there were none.
            if (undoStack.revision() == revisionAtSave) {
                forceModified = false;
                undoStack.markSaved();
            }
            file.set(saved);
            projectName.set(name);
            remember(saved);
            then.run();
        }).onFailure(e -> {
            busy.set(false);
            dialogs.showError("Could not save", message(e));
        }).executeWith(tasks);
    }

    private void openFileNow(Path path) {
        BackgroundTask.wrap(() -> ProjectReader.read(path))
                .onRunning(() -> busy.set(true))
                .onSuccess(project -> {
                    busy.set(false);
                    load(project, path.toAbsolutePath().normalize());
                    remember(path);
                    if (!project.warnings().isEmpty()) {
                        dialogs.showWarning("Fields Tensorloom does not know in " + path.getFileName(),
                                String.join("\n", project.warnings()));
                    }
                }).onFailure(e -> {
                    busy.set(false);
                    if (e instanceof NoSuchFileException || e.getCause() instanceof NoSuchFileException) {
                        recentFiles.setAll(recentStore.removeAll(recentFiles, List.of(path)));
                        dialogs.showError("Could not open " + path.getFileName(), path.toAbsolutePath().normalize()
                                + " no longer exists; it is gone from Open recent.");
                        return;
                    }
                    dialogs.showError("Could not open " + path.getFileName(), message(e));
                }).executeWith(tasks);
    }

    /** Files that no longer exist leave Open recent; checked off the UI thread (a network drive may be slow). */
    private void dropMissingRecentFiles() {
        List<Path> listed = List.copyOf(recentFiles);
        BackgroundTask.wrap(() -> listed.stream().filter(p -> !Files.exists(p)).toList())
                .onSuccess(missing -> {
                    if (!missing.isEmpty()) {
                        recentFiles.setAll(recentStore.removeAll(recentFiles, missing));
                    }
                }).executeWith(tasks);
    }

    private void openTemplateNow(String id) {
        BackgroundTask.wrap(() -> {
            String title = templates.require(id).title();
            Project p = ProjectReader.fromJson(templates.projectJson(id), templates.sourceName(id));
            return new Project(title, p.document(), p.blocks());
        }).onRunning(() -> busy.set(true)).onSuccess(project -> {
            busy.set(false);
            load(project, null);
        }).onFailure(e -> {
            busy.set(false);
            dialogs.showError("Could not open template " + id, message(e));
        }).executeWith(tasks);
    }

    private void remember(Path path) {
        recentFiles.setAll(recentStore.add(recentFiles, path));
    }

    private static String message(Throwable e) {
        return e instanceof ProjectFileException || e instanceof IllegalArgumentException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    // ---- edit commands ----------------------------------------------------------------------

    public void undo() {
        if (undoStack.canUndo()) {
            undoStack.undo();
        }
    }

    public void redo() {
        if (undoStack.canRedo()) {
            undoStack.redo();
        }
    }

    // ---- status -----------------------------------------------------------------------------

    /** Asks for the compute device once, on a background thread (engines load slowly). */
    public void probeDevice(Supplier<String> probe) {
        status.probeDevice(probe);
    }

    /** True while the device probe runs (the screenshot waits for it, so the status bar shows the device). */
    public boolean isDeviceProbePending() {
        return status.isDeviceProbePending();
    }

    private void historyChanged() {
        modified.set(undoStack.isModified() || forceModified);
        empty.set(document.nodeCount() == 0);
        canUndo.set(undoStack.canUndo());
        canRedo.set(undoStack.canRedo());
        undoText.set(undoStack.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(undoStack.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        updateTitle();
        status.requestCheck();
    }

    /** True while the background check of the model (validation, parameters, badges) has not caught up. */
    public boolean isCheckPending() {
        return status.isCheckPending();
    }

    private void updateTitle() {
        title.set(projectName.get() + (modified.get() ? " " + MODIFIED_MARKER : "") + " — " + APP_NAME);
    }

    // ---- properties --------------------------------------------------------------------------

    public Document document() {
        return document;
    }

    public UndoStack undoStack() {
        return undoStack;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty projectNameProperty() {
        return projectName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** True while the model has no blocks: the canvas then says how to begin. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validationProperty() {
        return status.validationProperty();
    }

    public ReadOnlyStringProperty parametersProperty() {
        return status.parametersProperty();
    }

    /** Badges, output shapes and problems per node id, from the latest background check. */
    public ReadOnlyObjectProperty<Map<String, NodeAnnotation>> annotationsProperty() {
        return status.annotationsProperty();
    }

    /** The problems list of the latest background check, opened from the status bar. */
    public ProblemsViewModel problems() {
        return status.problems();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return status.deviceProperty();
    }

    /** Called by the window once its run panel exists. */
    public void enableRun() {
        runAvailable.set(true);
    }

    /** False until the run panel exists; Run → Train, Pause, Stop and Memory analysis bind to it. */
    public ReadOnlyBooleanProperty runAvailableProperty() {
        return runAvailable.getReadOnlyProperty();
    }

    /** Newest first. */
    public ObservableList<Path> recentFiles() {
        return recentFilesView;
    }

    /** The saved blocks the open project brought, and those it embeds when saved. */
    public ProjectBlocks projectBlocks() {
        return projectBlocks;
    }
}
