package dev.tensorloom.studio;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.studio.editor.GraphCanvasEditor;
import dev.tensorloom.studio.files.RecentFiles;
import dev.tensorloom.studio.files.RecoveryStore;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.inspector.InspectorView;
import dev.tensorloom.studio.inspector.InspectorViewModel;
import dev.tensorloom.studio.main.AutosaveViewModel;
import dev.tensorloom.studio.main.DialogService;
import dev.tensorloom.studio.main.MainWindowView;
import dev.tensorloom.studio.main.MainWindowViewModel;
import dev.tensorloom.studio.main.ModelChecker;
import dev.tensorloom.studio.main.ProjectFiles;
import dev.tensorloom.studio.palette.PaletteView;
import dev.tensorloom.studio.palette.PaletteViewModel;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.io.File;
import java.util.List;
import javafx.collections.SetChangeListener;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;

/**
 * Builds the studio window's parts and wires them together: the view models, the editor, the
 * palette, the inspector and the main window layout, in one scene. The same window serves the
 * interactive studio and the headless {@code tensorloom screenshot}.
 */
public final class StudioWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final String STYLESHEET = "/dev/tensorloom/studio/studio.css";

    private final MainWindowViewModel viewModel;
    private final AutosaveViewModel autosave;
    private final GraphCanvasEditor editor;
    private final PaletteViewModel paletteViewModel;
    private final InspectorViewModel inspectorViewModel;
    private final MainWindowView view;
    private final Scene scene;

    public StudioWindow(BlockCatalog catalog, TemplateCatalog templates, StudioHome home, TaskExecutor tasks,
            DialogService dialogs, ModelChecker checker, MainWindowView.WindowActions actions) {
        viewModel = new MainWindowViewModel(dialogs, tasks, new RecentFiles(home.recentFiles()), checker, templates);
        autosave = new AutosaveViewModel(viewModel, new RecoveryStore(home.recoveryFolder()), tasks);
        editor = new GraphCanvasEditor(viewModel.document(), viewModel.undoStack(), catalog);
        paletteViewModel = new PaletteViewModel(catalog, editor::addNodeAtCentre);
        inspectorViewModel = new InspectorViewModel(viewModel.document(), viewModel.undoStack(), catalog);
        editor.canvas().setNodeAnnotations(viewModel.annotationsProperty().get());
        viewModel.annotationsProperty().addListener((o, a, b) -> editor.canvas().setNodeAnnotations(b));
        editor.selection().addListener((SetChangeListener<String>) c ->
                inspectorViewModel.setSelection(List.copyOf(editor.selection())));
        view = new MainWindowView(viewModel, editor, new PaletteView(paletteViewModel),
                new InspectorView(inspectorViewModel), actions);
        scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(StudioWindow.class.getResource(STYLESHEET).toExternalForm());
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+F"), view::focusPaletteSearch);
        acceptDroppedProjectFiles();
    }

    private void acceptDroppedProjectFiles() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()
                    && e.getDragboard().getFiles().stream().anyMatch(f -> ProjectFiles.isProjectFile(f.toPath()))) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                e.getDragboard().getFiles().stream().map(File::toPath).filter(ProjectFiles::isProjectFile)
                        .findFirst().ifPresent(viewModel::open);
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    public AutosaveViewModel autosave() {
        return autosave;
    }

    public GraphCanvasEditor editor() {
        return editor;
    }

    public PaletteViewModel palette() {
        return paletteViewModel;
    }

    public InspectorViewModel inspector() {
        return inspectorViewModel;
    }

    public MainWindowView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }
}
