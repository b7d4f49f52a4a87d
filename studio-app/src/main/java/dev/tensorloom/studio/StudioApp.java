package dev.tensorloom.studio;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.main.AutosaveViewModel;
import dev.tensorloom.studio.main.FxDialogService;
import dev.tensorloom.studio.main.MainWindowViewModel;
import dev.tensorloom.studio.main.CatalogModelChecker;
import dev.tensorloom.studio.main.DefaultDevice;
import dev.tensorloom.studio.run.TorchThreads;
import dev.tensorloom.studio.task.FxTaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The studio application: one main window, autosave, and the first-start template gallery. */
public final class StudioApp extends Application {
    private final FxTaskExecutor tasks = new FxTaskExecutor(true);
    private StudioWindow window;

    @Override
    public void start(Stage stage) {
        TorchThreads.leaveOneCoreForTheWindow();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BlockCatalog catalog = BlockCatalog.standard();
        TemplateCatalog templates = TemplateCatalog.builtIn();
        FxDialogService dialogs = new FxDialogService(stage, templates, tasks);
        Runnable quit = () -> window.viewModel().whenSafeToDiscard(() -> {
            window.autosave().discard();
            stage.close();
            Platform.exit();
        });
        window = new StudioWindow(catalog, templates, StudioHome.current(), tasks, dialogs,
                new CatalogModelChecker(catalog), new StudioActions(stage, () -> window.editor(), dialogs, tasks, quit));
        MainWindowViewModel vm = window.viewModel();
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(window.scene());
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit.run();
        });
        stage.show();
        vm.probeDevice(DefaultDevice::describe);
        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(AutosaveViewModel.INTERVAL.toSeconds()),
                e -> window.autosave().autosave()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
        // Questions at start wait until the window is on screen, so dialogs have an owner to sit on.
        Platform.runLater(() -> {
            if (!window.autosave().offerRecovery(dialogs) && vm.recentFiles().isEmpty()) {
                vm.newFromTemplate();
            }
        });
    }

    @Override
    public void stop() {
        tasks.shutdown();
    }
}
