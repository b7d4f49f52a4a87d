package dev.tensorloom.studio.shell;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.studio.activation.ActivationView;
import dev.tensorloom.studio.activation.ActivationViewModel;
import dev.tensorloom.studio.blocks.BlocksViewModel;
import dev.tensorloom.studio.editor.GraphCanvasEditor;
import dev.tensorloom.studio.activation.WatchedNodes;
import dev.tensorloom.studio.files.BlockLibrary;
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
import dev.tensorloom.studio.memory.MemoryView;
import dev.tensorloom.studio.memory.MemoryViewModel;
import dev.tensorloom.studio.memory.TradeoffViewModel;
import dev.tensorloom.studio.palette.PaletteViewModel;
import dev.tensorloom.studio.run.RunCoordinator;
import dev.tensorloom.studio.run.RunPanelView;
import dev.tensorloom.studio.run.RunPanelViewModel;
import dev.tensorloom.studio.run.UntrainedEdits;
import dev.tensorloom.studio.run.RunServices;
import dev.tensorloom.studio.run.RunEngineViewModel;
import dev.tensorloom.studio.run.TorchRunLauncher;
import dev.tensorloom.studio.memory.TorchMemoryView;
import dev.tensorloom.studio.memory.TorchMemoryViewModel;
import dev.tensorloom.studio.export.ExportViewModel;
import dev.tensorloom.studio.export.FolderOpener;
import dev.tensorloom.studio.export.FxExportDialog;
import dev.tensorloom.studio.export.StandardProjectExporter;
import dev.tensorloom.studio.files.DocumentContents;
import dev.tensorloom.execution.python.PinnedRequirements;
import dev.tensorloom.execution.python.PythonProbe;
import java.util.function.Consumer;
import javafx.stage.Window;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
    private static final int MEMORY_TAB = 2;

    private final MainWindowViewModel viewModel;
    private final AutosaveViewModel autosave;
    private final GraphCanvasEditor editor;
    private final PaletteViewModel paletteViewModel;
    private final BlocksViewModel blocks;
    private final InspectorViewModel inspectorViewModel;
    private final RunPanelViewModel runPanel;
    private final ActivationViewModel activations;
    private final MemoryViewModel memory;
    private final TradeoffViewModel tradeoff;
    private final RunEngineViewModel engine;
    private final TorchMemoryViewModel torchMemory;
    private final TaskExecutor tasks;
    private final TabPane runTabs;
    private final MainWindowView view;
    private final Scene scene;
    private dev.tensorloom.studio.python.PythonEnvironmentService python;

    public StudioWindow(BlockCatalog catalog, TemplateCatalog templates, StudioHome home, TaskExecutor tasks,
            DialogService dialogs, ModelChecker checker, MainWindowView.WindowActions actions) {
        this(catalog, templates, home, tasks, dialogs, checker, actions, RunServices.standard(catalog));
    }

    /** With the given training and measuring services (shorter runs for screenshots and tests). */
    public StudioWindow(BlockCatalog catalog, TemplateCatalog templates, StudioHome home, TaskExecutor tasks,
            DialogService dialogs, ModelChecker checker, MainWindowView.WindowActions actions, RunServices runs) {
        this.tasks = tasks;
        viewModel = new MainWindowViewModel(dialogs, tasks, new RecentFiles(home.recentFiles()), checker, templates);
        autosave = new AutosaveViewModel(viewModel, new RecoveryStore(home.recoveryFolder()), tasks);
        editor = new GraphCanvasEditor(viewModel.document(), viewModel.undoStack(), catalog);
        paletteViewModel = new PaletteViewModel(catalog, editor::addNodeAtCentre);
        blocks = new BlocksViewModel(viewModel.document(), viewModel.undoStack(),
                new BlockLibrary(home.blocksFolder()), viewModel.projectBlocks(), dialogs, tasks);
        blocks.setInserter(editor::insertBlockAtCentre);
        paletteViewModel.setSavedBlocks(blocks.available(), blocks::insert, blocks::deleteFromLibrary);
        inspectorViewModel = new InspectorViewModel(viewModel.document(), viewModel.undoStack(), catalog);
        editor.canvas().setNodeAnnotations(viewModel.annotationsProperty().get());
        viewModel.annotationsProperty().addListener((o, a, b) -> editor.canvas().setNodeAnnotations(b));
        // The problems list jumps to a node on the canvas, and the canvas marks the wires at fault.
        viewModel.problems().setReveal(editor::revealNode);
        viewModel.problems().faultyInputsProperty().addListener((o, a, b) -> editor.canvas().setProblemInputs(b));
        // A project just opened is shown whole (or from its start, when whole would be unreadable); later,
        // so the canvas has the new nodes first.
        viewModel.projectsLoadedProperty().addListener((o, a, b) -> Platform.runLater(editor::showStart));
        editor.selection().addListener((SetChangeListener<String>) c ->
                inspectorViewModel.setSelection(List.copyOf(editor.selection())));
        activations = new ActivationViewModel(runs.throttle());
        runPanel = new RunPanelViewModel(viewModel.document(), viewModel.undoStack(),
                new RunCoordinator(runs.launcher(), tasks, runs.throttle(), activations));
        runPanel.setSnapshotPolicy(activations::snapshotPolicy);
        runPanel.setWeightsChooser(dialogs::chooseWeightsFolder);
        UntrainedEdits untrained = runPanel.untrainedEdits();
        untrained.changesProperty().addListener((o, a, changes) ->
                editor.showUntrainedEdits(changes.changed(), untrained.noticeProperty().get()));
        runPanel.setProjectFolder(() -> {
            Path file = viewModel.fileProperty().get();
            return file == null ? null : file.toAbsolutePath().getParent();
        });
        torchMemory = new TorchMemoryViewModel(runs.throttle());
        engine = new RunEngineViewModel(runs.launcher(), (interpreter, device, processes) -> new TorchRunLauncher(
                interpreter, device, processes, runs.options(), torchMemory::onMemory),
                this::requirePython, interpreter -> PythonProbe.full(interpreter, PinnedRequirements.bundled()), tasks,
                Runtime.getRuntime().availableProcessors());
        runPanel.setLauncherChoice(engine);
        memory = new MemoryViewModel(viewModel.document(), catalog, runs.analyzer(), tasks);
        tradeoff = new TradeoffViewModel(memory, runPanel.settings()::setCheckpointPolicy, tasks);
        // Every tab starts over for another project (a run still training keeps the Run tab).
        viewModel.projectsLoadedProperty().addListener((o, a, b) -> {
            runPanel.projectLoaded();
            torchMemory.clear();
            memory.projectLoaded();
        });
        runTabs = new TabPane(
                tab("Run", "tab-run", new RunPanelView(runPanel, DatasetRegistry.standard().all().stream()
                        .map(d -> d.id()).toList(), engine)),
                tab("Activations", "tab-activations", new ActivationView(activations)),
                tab("Memory", "tab-memory", new MemoryView(memory, tradeoff)),
                tab("PyTorch memory", "tab-torch-memory", new TorchMemoryView(torchMemory)));
        runTabs.setId("run-tabs");
        connectRunViews();
        view = new MainWindowView(viewModel, editor, new PaletteView(paletteViewModel),
                new InspectorView(inspectorViewModel), actions, runTabs, new MainWindowView.RunCommands(
                        this::train, this::trainFromWeights, runPanel::pause, runPanel::stop, this::memoryAnalysis,
                        runPanel.canStartProperty(), runPanel.canPauseProperty(), runPanel.canStopProperty()));
        viewModel.enableRun();
        view.enableSaveAsBlock(() -> blocks.saveAsBlock(editor.selection()));
        scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(StudioWindow.class.getResource(STYLESHEET).toExternalForm());
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+F"), view::focusPaletteSearch);
        acceptDroppedProjectFiles();
    }

    /** The canvas follows the run views: the failing node gets selected, the memory replay paints states. */
    private void connectRunViews() {
        // A selected group is watched through the node behind its output (WatchedNodes).
        activations.setSelection(WatchedNodes.of(viewModel.document(), editor.selection()));
        editor.selection().addListener((SetChangeListener<String>) c ->
                activations.setSelection(WatchedNodes.of(viewModel.document(), editor.selection())));
        runPanel.failedNodeProperty().addListener((o, a, id) -> {
            if (id != null) {
                editor.canvas().select(List.of(id));
            }
        });
        // While the memory tab shows, the canvas paints the replay position, or else the planned policy.
        Runnable paint = () -> editor.canvas().setNodeStates(memoryStates());
        memory.replay().statesProperty().addListener((o, a, b) -> paint.run());
        memory.planStatesProperty().addListener((o, a, b) -> paint.run());
        runTabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> paint.run());
    }

    private java.util.Map<String, String> memoryStates() {
        if (runTabs.getSelectionModel().getSelectedIndex() != MEMORY_TAB) {
            return java.util.Map.of();
        }
        var replay = memory.replay();
        return replay.indexProperty().get() >= 0 ? replay.statesProperty().get() : memory.planStatesProperty().get();
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    /** Run → Train: shows the run panel and starts. */
    public void train() {
        runTabs.getSelectionModel().select(0);
        runPanel.start();
    }

    /** Run → Train from weights…: the Run tab, a weights folder asked for, and a run that starts from it. */
    public void trainFromWeights() {
        runTabs.getSelectionModel().select(0);
        runPanel.startFromWeights();
    }

    /** Run → Memory analysis: shows the memory view and measures the project's policy (sqrt when none). */
    public void memoryAnalysis() {
        runTabs.getSelectionModel().select(2);
        String policy = viewModel.document().config().checkpointPolicy();
        memory.analyze(policy.equals("none") ? "sqrt" : policy);
    }

    /** Shows the run tab with this index (0 run, 1 activations, 2 memory, 3 PyTorch memory). */
    public void showRunTab(int index) {
        runTabs.getSelectionModel().select(index);
    }

    public RunPanelViewModel runPanel() {
        return runPanel;
    }

    public ActivationViewModel activations() {
        return activations;
    }

    public MemoryViewModel memory() {
        return memory;
    }

    public TradeoffViewModel tradeoff() {
        return tradeoff;
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

    /** Finds Python through the studio's service; a window without one (headless) says so. */
    private void requirePython(String purpose, Consumer<Path> onReady, Consumer<String> onUnavailable) {
        if (python == null) {
            onUnavailable.accept(purpose + " needs Python, and this window has no Python environment set.");
        } else {
            python.require(purpose, onReady, onUnavailable);
        }
    }

    /** File → Export…: the dialog for the project as it is now, with the last run's weights when they fit it. */
    public void showExport(Window owner, FolderOpener opener) {
        Path file = viewModel.fileProperty().get();
        Path folder = file == null ? null : file.toAbsolutePath().getParent();
        String name = viewModel.projectNameProperty().get();
        ExportViewModel vm = new ExportViewModel(
                new StandardProjectExporter(DocumentContents.copy(viewModel.document()), name, folder), tasks, work -> {
                    Thread t = new Thread(work, "tensorloom-export");
                    t.setDaemon(true);
                    t.start();
                }, this::requirePython, opener, runPanel.trainedWeightsProperty().get(),
                viewModel.document().config().seed());
        Path base = folder != null ? folder : Path.of(System.getProperty("user.home"));
        vm.setFolder(base.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "-") + "-export"));
        FxExportDialog.show(owner, vm, name);
    }

    /** What the PyTorch engine measured in its last run's memory step. */
    public TorchMemoryViewModel torchMemory() {
        return torchMemory;
    }

    /** The Run tab's engine picker. */
    public RunEngineViewModel engine() {
        return engine;
    }

    /** The studio's Python: export and the PyTorch engine call {@code require} on it (null in headless windows). */
    public dev.tensorloom.studio.python.PythonEnvironmentService pythonEnvironment() {
        return python;
    }

    public void setPythonEnvironment(dev.tensorloom.studio.python.PythonEnvironmentService python) {
        this.python = python;
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

    public BlocksViewModel blocks() {
        return blocks;
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
