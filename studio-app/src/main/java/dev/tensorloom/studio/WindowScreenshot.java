package dev.tensorloom.studio;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.main.DialogService;
import dev.tensorloom.studio.main.MainWindowView;
import dev.tensorloom.studio.main.CatalogModelChecker;
import dev.tensorloom.studio.main.UnsavedChoice;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Renders the studio window with a project loaded, as the user would see it, to an image. Runs on
 * the FX thread of a (headless) toolkit; nothing asks the user anything.
 */
public final class WindowScreenshot {
    private WindowScreenshot() {
    }

    /** The window at {@link StudioWindow#WIDTH} × {@link StudioWindow#HEIGHT} showing {@code project}. */
    public static BufferedImage render(Project project, Path file) throws Exception {
        return HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            BlockCatalog catalog = BlockCatalog.standard();
            // A private home: a screenshot must neither read nor add recent files of the user.
            Path home = Files.createTempDirectory("tensorloom-screenshot");
            StudioWindow window = new StudioWindow(catalog, TemplateCatalog.builtIn(), new StudioHome(home),
                    TaskExecutor.direct(), SILENT, new CatalogModelChecker(catalog), NO_ACTIONS);
            window.viewModel().load(project, file);
            Stage stage = new Stage();
            stage.setScene(window.scene());
            stage.titleProperty().bind(window.viewModel().titleProperty());
            stage.show();
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            window.editor().zoomToFit();
            WritableImage image = window.scene().snapshot(null);
            stage.close();
            return SwingFXUtils.fromFXImage(image, null);
        });
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
        public boolean offerRecovery(String description) {
            return false;
        }

        @Override
        public Optional<String> chooseTemplate() {
            return Optional.empty();
        }
    };

    private static final MainWindowView.WindowActions NO_ACTIONS = new MainWindowView.WindowActions() {
        @Override
        public void cut() {
        }

        @Override
        public void copy() {
        }

        @Override
        public void paste() {
        }

        @Override
        public void exportPicture() {
        }

        @Override
        public void useDarkTheme(boolean dark) {
        }

        @Override
        public void showShortcuts() {
        }

        @Override
        public void showAbout() {
        }

        @Override
        public void quit() {
        }
    };
}
