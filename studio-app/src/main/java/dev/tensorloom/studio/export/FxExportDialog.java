package dev.tensorloom.studio.export;

import java.io.File;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File → Export…'s window: an {@link ExportView} in a window-modal stage with a folder chooser. Closing it while
 * an export runs cancels the export first.
 */
public final class FxExportDialog {
    private static final double WIDTH = 720;
    private static final double HEIGHT = 470;

    private FxExportDialog() {
    }

    /** Shows the dialog for {@code vm} over {@code owner}. */
    public static Stage show(Window owner, ExportViewModel vm, String projectName) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export " + projectName);
        Scene scene = new Scene(new ExportView(vm, projectName, current -> chooseFolder(stage, current), stage::close),
                WIDTH, HEIGHT);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (vm.stateProperty().get() == ExportViewModel.State.RUNNING
                    || vm.stateProperty().get() == ExportViewModel.State.CANCELLING) {
                e.consume(); // closes once the export has stopped and cleaned up
                vm.cancel();
                vm.stateProperty().addListener((o, a, s) -> stage.close());
            }
        });
        stage.show();
        return stage;
    }

    private static File chooseFolder(Window owner, File current) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export into folder");
        if (current != null) {
            File start = current.isDirectory() ? current : current.getParentFile();
            if (start != null && start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
        }
        return chooser.showDialog(owner);
    }
}
