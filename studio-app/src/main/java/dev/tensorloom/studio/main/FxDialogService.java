package dev.tensorloom.studio.main;

import dev.tensorloom.model.io.ProjectFormat;
import dev.tensorloom.studio.gallery.TemplateGalleryView;
import dev.tensorloom.studio.gallery.TemplateGalleryViewModel;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: alerts, file choosers with the {@code .tlm} filter, and the template gallery. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Tensorloom models (*" + ProjectFormat.EXTENSION + ")",
                    "*" + ProjectFormat.EXTENSION);
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
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("error-dialog");
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
    public Optional<String> chooseTemplate() {
        TemplateGalleryViewModel vm = new TemplateGalleryViewModel(templates, tasks);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New from template");
        dialog.setHeaderText("Start from a template: each one teaches one technique");
        dialog.getDialogPane().setContent(new TemplateGalleryView(vm));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.getDialogPane().setPrefSize(980, 640);
        dialog.setResizable(true);
        vm.chosenProperty().addListener((o, a, card) -> {
            if (card != null) {
                dialog.setResult(card.id());
                dialog.close();
            }
        });
        dialog.setResultConverter(b -> null);
        return dialog.showAndWait();
    }
}
