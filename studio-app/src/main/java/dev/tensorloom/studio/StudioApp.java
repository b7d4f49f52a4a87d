package dev.tensorloom.studio;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The studio application; the main window arrives with the studio-window issue. */
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Tensorloom Studio");
        stage.setScene(new Scene(new Label("Tensorloom Studio"), 800, 600));
        stage.show();
    }
}
