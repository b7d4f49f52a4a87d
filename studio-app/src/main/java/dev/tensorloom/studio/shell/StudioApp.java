package dev.tensorloom.studio.shell;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.canvas.layout.LayoutThread;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.studio.export.DesktopFolderOpener;
import dev.tensorloom.studio.files.PanelSplits;
import dev.tensorloom.studio.files.PanelSplitsStore;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.files.WindowPlacement;
import dev.tensorloom.studio.files.WindowPlacementStore;
import dev.tensorloom.studio.main.AutosaveViewModel;
import dev.tensorloom.studio.main.FxDialogService;
import dev.tensorloom.studio.main.MainWindowViewModel;
import dev.tensorloom.studio.main.CatalogModelChecker;
import dev.tensorloom.studio.main.DefaultDevice;
import dev.tensorloom.execution.python.PythonLocator;
import dev.tensorloom.studio.files.PythonPreferenceStore;
import dev.tensorloom.studio.python.FxPythonDialogs;
import dev.tensorloom.studio.python.PythonEnvironmentService;
import dev.tensorloom.studio.run.TorchThreads;
import dev.tensorloom.studio.task.FxTaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The studio application: one main window, autosave, and the first-start template gallery; started with
 * a project file as its one parameter, it opens that file instead of the gallery.
 */
public final class StudioApp extends Application {
    /** How long after showing, size changes are the window settling rather than the user resizing it. */
    private static final Duration SPLITS_SETTLE = Duration.seconds(2);
    private final FxTaskExecutor tasks = new FxTaskExecutor(true);
    private WindowPlacementStore placements;
    private PanelSplitsStore panelSplits;
    private WindowPlacement remembered;
    private PanelSplits rememberedSplits;
    private StudioWindow window;

    /**
     * Runs on the launcher thread, before the window exists: the files read at start stay off the FX thread, and
     * were read while the toolkit started ({@link StartupSettings}).
     */
    @Override
    public void init() {
        StartupSettings settings = StartupSettings.await();
        placements = settings.placements;
        panelSplits = settings.panelSplits;
        remembered = settings.placement;
        rememberedSplits = settings.splits;
    }

    @Override
    public void start(Stage stage) {
        // Quit hides the window and exits once the settings are written on a daemon thread; with implicit exit the
        // JVM ended as the window hid and the write could be lost (panels.json was, on one try).
        Platform.setImplicitExit(false);
        TorchThreads.leaveOneCoreForTheWindow();
        // The window comes up at once, at its place, with a splash; the theme and the studio come after its first
        // frame (the splash needs no stylesheet).
        stage.setTitle(StartupSplash.TITLE);
        stage.setScene(StartupSplash.scene());
        place(stage);
        stage.setOnCloseRequest(e -> Platform.exit());
        stage.show();
        StartupSplash.afterFirstFrame(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            open(stage);
            // ELK's first layout in a JVM costs more in loading and compiling than in layout; start paying for it
            // now, in the background, rather than when someone lays out a big graph (not earlier: on two cores it
            // slowed both the window's first appearance and the building of the studio).
            LayoutThread.warmUpInBackground();
        });
    }

    /** Builds the studio into the shown window and asks the questions a start may have. */
    private void open(Stage stage) {
        BlockCatalog catalog = BlockCatalog.standard();
        TemplateCatalog templates = TemplateCatalog.builtIn();
        FxDialogService dialogs = new FxDialogService(stage, templates, tasks);
        Runnable quit = () -> window.viewModel().whenSafeToDiscard(() -> {
            window.autosave().discard();
            WindowPlacement last = placementOf(stage);
            PanelSplits lastSplits = window.view().dividers().current();
            stage.hide();
            // The placement and splits are written in the background; the studio exits once they are on disk.
            tasks.background(() -> {
                try {
                    placements.save(last);
                    panelSplits.save(lastSplits);
                } finally {
                    Platform.exit();
                }
            });
        });
        FxPythonDialogs pythonDialogs = new FxPythonDialogs(stage, tasks);
        PythonEnvironmentService python = new PythonEnvironmentService(PythonLocator.standard(),
                new PythonPreferenceStore(StudioHome.current().pythonPreference()), tasks, pythonDialogs);
        pythonDialogs.setService(python);
        window = new StudioWindow(catalog, templates, StudioHome.current(), tasks, dialogs,
                new CatalogModelChecker(catalog), new StudioActions(stage, () -> window.editor(), dialogs, tasks, quit,
                        pythonDialogs, () -> window.showExport(stage, new DesktopFolderOpener())));
        window.setPythonEnvironment(python);
        MainWindowViewModel vm = window.viewModel();
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(window.scene());
        Runnable splitsSettled = window.view().dividers().applyWhileSettling(rememberedSplits);
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit.run();
        });
        PauseTransition settling = new PauseTransition(SPLITS_SETTLE);
        settling.setOnFinished(e -> splitsSettled.run());
        settling.play();
        // Again once the window has its size: the side panels keep their width in pixels when the window grows
        // from the scene's first size to the remembered one, which would shift the remembered fractions.
        Platform.runLater(() -> window.view().dividers().apply(rememberedSplits));
        vm.probeDevice(DefaultDevice::describe);
        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(AutosaveViewModel.INTERVAL.toSeconds()),
                e -> window.autosave().autosave()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
        Path given = projectToOpen();
        // Questions at start wait until the window is on screen, so dialogs have an owner to sit on.
        Platform.runLater(() -> {
            boolean recovered = window.autosave().offerRecovery(dialogs);
            if (given != null) {
                // Recovered work is unsaved, so opening the file first asks what to do with it: nothing is lost.
                vm.open(given);
            } else if (!recovered && vm.recentFiles().isEmpty()) {
                vm.newFromTemplate();
            }
        });
    }

    /** The project file named on the command line ({@code tensorloom model.tlm}), or null. */
    private Path projectToOpen() {
        List<String> raw = getParameters().getRaw();
        return raw.size() == 1 ? Path.of(raw.get(0)).toAbsolutePath().normalize() : null;
    }

    private void place(Stage stage) {
        WindowPlacement p = WindowPlacement.restore(remembered,
                Screen.getScreens().stream().map(s -> area(s.getVisualBounds())).toList(),
                area(Screen.getPrimary().getVisualBounds()));
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
    }

    private static WindowPlacement.Area area(Rectangle2D r) {
        return new WindowPlacement.Area(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }

    /** A maximized window keeps its last normal size too, so un-maximizing after a restart has one. */
    private WindowPlacement placementOf(Stage stage) {
        if (stage.isMaximized() && remembered != null) {
            return new WindowPlacement(remembered.x(), remembered.y(), remembered.width(), remembered.height(), true);
        }
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    @Override
    public void stop() {
        tasks.shutdown();
    }
}
