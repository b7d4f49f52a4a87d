package dev.tensorloom.studio.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.io.AtomicFile;
import dev.tensorloom.studio.editor.EditorCanvas;
import dev.tensorloom.studio.main.DialogService;
import dev.tensorloom.studio.main.MainWindowView;
import dev.tensorloom.studio.python.FxPythonDialogs;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/** The window actions that need the stage or the system: clipboard, picture export, theme, help. */
final class StudioActions implements MainWindowView.WindowActions {
    static final String SHORTCUTS = String.join("\n",
            "Ctrl+N\tNew model", "Ctrl+Shift+N\tNew from template", "Ctrl+O\tOpen", "Ctrl+S\tSave",
            "Ctrl+Shift+S\tSave as", "Ctrl+Z\tUndo", "Ctrl+Y\tRedo", "Ctrl+X / C / V\tCut, copy, paste",
            "Delete\tDelete the selection", "Ctrl+A\tSelect all", "Ctrl+G / Ctrl+Shift+G\tGroup, ungroup",
            "Ctrl+F\tSearch the palette", "Ctrl+Plus / Minus / 0\tZoom in, out, to fit", "Ctrl+L\tAuto-layout",
            "F1\tThis list");
    private final Window owner;
    private final Supplier<EditorCanvas> editor;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final Runnable quit;
    private final FxPythonDialogs python;
    private final Runnable exportProject;

    StudioActions(Window owner, Supplier<EditorCanvas> editor, DialogService dialogs, TaskExecutor tasks, Runnable quit,
            FxPythonDialogs python, Runnable exportProject) {
        this.python = python;
        this.exportProject = exportProject;
        this.owner = owner;
        this.editor = editor;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.quit = quit;
    }

    @Override
    public void cut() {
        copy();
        editor.get().deleteSelection();
    }

    @Override
    public void copy() {
        String json = editor.get().copySelection();
        if (!json.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(json);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @Override
    public void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text != null && !text.isBlank()) {
            editor.get().paste(text);
        }
    }

    @Override
    public void exportPicture() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export picture");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName("model.png");
        File target = chooser.showSaveDialog(owner);
        if (target == null) {
            return;
        }
        WritableImage image = editor.get().snapshot();
        // Atomic like every save: an export over an older picture never leaves half of one.
        BackgroundTask.wrap(() -> {
            BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
            AtomicFile.write(target.toPath(), out -> {
                if (!ImageIO.write(picture, "png", out)) {
                    throw new IOException("this Java runtime has no PNG writer");
                }
            });
            return target;
        })
                .onFailure(e -> dialogs.showError("Could not export the picture", target.getName() + ": " + e.getMessage()))
                .executeWith(tasks);
    }

    @Override
    public void useDarkTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, SHORTCUTS.replace('\t', ' ').replace("\n", "\n"),
                ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setId("shortcuts-dialog");
        alert.show();
    }

    @Override
    public void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                "Build deep-learning models as node graphs, train them on DJL, and see activations and memory.",
                ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText("Tensorloom Studio");
        alert.show();
    }

    @Override
    public void quit() {
        quit.run();
    }

    @Override
    public void showPythonEnvironment() {
        python.showSetup();
    }

    @Override
    public void showPreferences() {
        python.showPreferences();
    }

    @Override
    public void exportProject() {
        exportProject.run();
    }
}
