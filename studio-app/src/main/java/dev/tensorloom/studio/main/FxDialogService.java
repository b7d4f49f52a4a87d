package dev.tensorloom.studio.main;

import atlantafx.base.theme.Styles;
import dev.tensorloom.model.io.ProjectFormat;
import dev.tensorloom.studio.gallery.TemplateGalleryView;
import dev.tensorloom.studio.gallery.TemplateGalleryViewModel;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The real dialogs: alerts, file choosers with the {@code .tlm} filter, and the template gallery. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Tensorloom models (*" + ProjectFormat.EXTENSION + ")",
                    "*" + ProjectFormat.EXTENSION);
    private static final double GALLERY_WIDTH = 1010;
    private static final double GALLERY_HEIGHT = 720;
    private final Window owner;
    private final TemplateCatalog templates;
    private final TaskExecutor tasks;
    private File lastFolder;

    public FxDialogService(Window owner, TemplateCatalog templates, TaskExecutor tasks) {
        this.owner = owner;
        this.templates = templates;
        this.tasks = tasks;
    }

    @Override
    public UnsavedChoice askToSaveChanges(String projectName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to \"" + projectName + "\"?",
                save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText("Unsaved changes");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public Optional<Path> chooseWeightsFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Start from weights (a folder with weights.safetensors)");
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File folder = chooser.showDialog(owner);
        return folder == null ? Optional.empty() : Optional.of(folder.toPath());
    }

    @Override
    public Optional<Path> chooseFileToOpen() {
        FileChooser chooser = chooser("Open model");
        File f = chooser.showOpenDialog(owner);
        return remember(f);
    }

    @Override
    public Optional<Path> chooseFileToSave(String suggestedName) {
        FileChooser chooser = chooser("Save model");
        chooser.setInitialFileName(suggestedName + ProjectFormat.EXTENSION);
        return remember(chooser.showSaveDialog(owner));
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(PROJECTS);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File f) {
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public void showError(String title, String message) {
        showMessage(Alert.AlertType.ERROR, title, message, "error-dialog");
    }

    @Override
    public void showWarning(String title, String message) {
        showMessage(Alert.AlertType.WARNING, title, message, "warning-dialog");
    }

    /** A message with an OK button over the window, not waiting for it; {@code id} lets tests find the dialog. */
    private void showMessage(Alert.AlertType type, String title, String message, String id) {
        Alert alert = new Alert(type, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.getDialogPane().setId(id);
        alert.show();
    }

    @Override
    public boolean offerRecovery(String description) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, description, restore, discard);
        alert.initOwner(owner);
        alert.setHeaderText("Recover unsaved work");
        return alert.showAndWait().orElse(discard) == restore;
    }

    @Override
    public boolean confirm(String title, String message) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, message,
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    @Override
    public Optional<String> askBlockName(String suggested) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(suggested);
        dialog.initOwner(owner);
        dialog.setTitle("Save as block");
        dialog.setHeaderText("Save this group as a block in My blocks, to use again in any project");
        dialog.setContentText("Name:");
        return dialog.showAndWait();
    }

    @Override
    public Optional<String> chooseTemplate() {
        TemplateGalleryViewModel vm = new TemplateGalleryViewModel(templates, tasks);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New from template");
        Label header = new Label("Start from a template: each one teaches one technique");
        header.getStyleClass().addAll("gallery-header", Styles.TITLE_4);
        header.setPadding(new Insets(12, 16, 8, 16));
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8, 16, 12, 16));
        // A plain stage rather than a Dialog: a Dialog sizes its window from the virtualised grid's computed
        // width (one column) and ignores the size asked for, so the gallery showed a single column of cards.
        Scene scene = new Scene(new BorderPane(new TemplateGalleryView(vm), header, null, buttons, null),
                Math.min(GALLERY_WIDTH, screen.getWidth() - 40), Math.min(GALLERY_HEIGHT, screen.getHeight() - 40));
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        String[] chosen = new String[1];
        vm.chosenProperty().addListener((o, a, card) -> {
            if (card != null) {
                chosen[0] = card.id();
                stage.close();
            }
        });
        stage.setOnShown(e -> centreOnOwner(stage, screen));
        stage.showAndWait();
        return Optional.ofNullable(chosen[0]);
    }

    private void centreOnOwner(Stage stage, Rectangle2D screen) {
        double centreX = owner.isShowing() ? owner.getX() + owner.getWidth() / 2 : screen.getMinX() + screen.getWidth() / 2;
        double centreY = owner.isShowing() ? owner.getY() + owner.getHeight() / 2 : screen.getMinY() + screen.getHeight() / 2;
        stage.setX(Math.max(screen.getMinX(), centreX - stage.getWidth() / 2));
        stage.setY(Math.max(screen.getMinY(), centreY - stage.getHeight() / 2));
    }
}
