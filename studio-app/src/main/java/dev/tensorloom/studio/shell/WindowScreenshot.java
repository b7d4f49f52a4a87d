package dev.tensorloom.studio.shell;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.main.DialogService;
import dev.tensorloom.studio.main.MainWindowView;
import dev.tensorloom.studio.main.CatalogModelChecker;
import dev.tensorloom.studio.main.DefaultDevice;
import dev.tensorloom.studio.main.UnsavedChoice;
import dev.tensorloom.studio.run.RunServices;
import dev.tensorloom.studio.task.FxTaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Renders the studio window with a project loaded, as the user would see it, to an image. Runs on
 * the FX thread of a (headless) toolkit; nothing asks the user anything.
 */
public final class WindowScreenshot {
    private WindowScreenshot() {
    }

    /** Which part of the window the picture is about. */
    public enum View {
        EDITOR, RUN, ACTIVATIONS, MEMORY;

        public static View parse(String text) {
            for (View v : values()) {
                if (v.name().equalsIgnoreCase(text)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown --view '" + text + "'; use editor, run, activations or memory");
        }
    }

    static final double RUN_VIEW_WIDTH = 1600;
    static final double RUN_VIEW_HEIGHT = 1100;
    /** Share of the window's height the editor keeps in an activations picture. */
    static final double ACTIVATIONS_EDITOR_SHARE = 0.3;

    /** How long a screenshot may wait for its short run or measurement. */
    private static final long WAIT_MILLIS = 10 * 60 * 1000;
    /** Longer than one throttled update interval, so the last events are drawn. */
    private static final long SETTLE_MILLIS = 400;

    /** The window at {@link StudioWindow#WIDTH} × {@link StudioWindow#HEIGHT} showing {@code project}. */
    public static BufferedImage render(Project project, Path file) throws Exception {
        return render(project, file, View.EDITOR, 20, 16);
    }

    /**
     * The window showing {@code view}; the run, activation and memory views first train {@code steps}
     * steps (or measure one step) with batch {@code batch}, so the picture shows real data.
     */
    public static BufferedImage render(Project project, Path file, View view, int steps, int batch)
            throws Exception {
        return render(project, file, view, steps, batch, null);
    }

    /** As above, watching {@code node} (null: {@link #watchedNode} chooses). */
    public static BufferedImage render(Project project, Path file, View view, int steps, int batch, String node)
            throws Exception {
        Object[] opened = HeadlessFx.call(() -> open(project, file, steps, batch, view));
        StudioWindow window = (StudioWindow) opened[0];
        Stage stage = (Stage) opened[1];
        try {
            switch (view) {
                case EDITOR -> { }
                case RUN, ACTIVATIONS -> {
                    HeadlessFx.call(() -> {
                        window.editor().canvas().select(List.of(node == null ? watchedNode(project) : node));
                        window.train();
                        window.showRunTab(view == View.RUN ? 0 : 1);
                        if (view == View.ACTIVATIONS) {
                            giveRunAreaRoom(window);
                        }
                        return null;
                    });
                    waitFor(() -> !window.runPanel().stateProperty().get().active());
                }
                case MEMORY -> {
                    HeadlessFx.call(() -> {
                        window.memoryAnalysis();
                        return null;
                    });
                    waitFor(() -> !window.memory().busyProperty().get());
                    // The trade-off chart predicts every policy on the measured costs, in the background.
                    waitFor(() -> window.memory().basisProperty().get() != null
                            && window.tradeoff().exploredProperty().get() == window.memory().basisProperty().get());
                    HeadlessFx.call(() -> {
                        // Half-way through the step: kept, dropped, recomputing and finished nodes all show.
                        window.memory().replay().seek(window.memory().replay().lengthProperty().get() / 2);
                        return null;
                    });
                }
                default -> throw new IllegalStateException();
            }
            // The status bar and node badges come from a background check of the model: show them settled.
            waitFor(() -> !window.viewModel().isCheckPending() && !window.viewModel().isDeviceProbePending());
            Thread.sleep(view == View.EDITOR ? 0 : SETTLE_MILLIS);
            return HeadlessFx.call(() -> {
                window.scene().getRoot().applyCss();
                window.scene().getRoot().layout();
                window.editor().showStart();
                WritableImage image = window.scene().snapshot(null);
                return SwingFXUtils.fromFXImage(image, null);
            });
        } finally {
            HeadlessFx.call(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** The activation pictures need height: the run area takes most of the window, the editor the rest. */
    private static void giveRunAreaRoom(StudioWindow window) {
        javafx.scene.Node n = window.scene().lookup("#run-tabs");
        while (n != null && !(n instanceof SplitPane)) {
            n = n.getParent();
        }
        if (n instanceof SplitPane split) {
            split.setDividerPositions(ACTIVATIONS_EDITOR_SHARE);
        }
    }

    private static Object[] open(Project project, Path file, int steps, int batch, View view) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BlockCatalog catalog = BlockCatalog.standard();
        // A private home: a screenshot must neither read nor add recent files of the user.
        Path home = Files.createTempDirectory("tensorloom-screenshot");
        StudioWindow window = new StudioWindow(catalog, TemplateCatalog.builtIn(), new StudioHome(home),
                new FxTaskExecutor(), SILENT, new CatalogModelChecker(catalog), MainWindowView.WindowActions.NONE,
                RunServices.reduced(catalog, steps, batch));
        if (view != View.EDITOR) {
            // The Run tab's form shows the steps and batch the picture trains and measures with.
            var config = project.document().config();
            project.document().setConfig(config.withSteps(steps).withBatchSize(batch));
        }
        window.viewModel().load(project, file);
        window.viewModel().probeDevice(DefaultDevice::describe);
        Stage stage = new Stage();
        stage.setScene(window.scene());
        stage.titleProperty().bind(window.viewModel().titleProperty());
        if (view != View.EDITOR) {
            // The run views share the window with the editor; a taller window leaves both room.
            stage.setWidth(RUN_VIEW_WIDTH);
            stage.setHeight(RUN_VIEW_HEIGHT);
        }
        stage.show();
        window.scene().getRoot().applyCss();
        window.scene().getRoot().layout();
        return new Object[] {window, stage};
    }

    /** The node whose activations the picture shows: an attention block when there is one, else a middle layer. */
    static String watchedNode(Project project) {
        var doc = project.document();
        List<String> order = doc.topologicalOrder();
        for (String id : order) {
            String type = doc.requireNode(id).type();
            if (type.equals("attention") || type.equals("encoder_block") || type.equals("decoder_block")) {
                return id;
            }
        }
        List<String> layers = order.stream().filter(id -> !doc.requireNode(id).type().equals("input")).toList();
        return layers.isEmpty() ? order.get(0) : layers.get(layers.size() / 2);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> done) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!HeadlessFx.call(done)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the run or measurement did not end within " + WAIT_MILLIS / 1000 + " s");
            }
            Thread.sleep(100);
        }
    }

    private static final DialogService SILENT = new DialogService() {
        @Override
        public UnsavedChoice askToSaveChanges(String projectName) {
            return UnsavedChoice.CANCEL;
        }

        @Override
        public Optional<Path> chooseFileToOpen() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String suggestedName) {
            return Optional.empty();
        }

        @Override
        public void showError(String title, String message) {
            throw new IllegalStateException(title + ": " + message);
        }

        @Override
        public void showWarning(String title, String message) {
            // a picture of the window has no one to tell
        }

        @Override
        public boolean offerRecovery(String description) {
            return false;
        }

        @Override
        public Optional<String> chooseTemplate() {
            return Optional.empty();
        }
    };
}
