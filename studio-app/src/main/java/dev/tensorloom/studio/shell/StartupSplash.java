package dev.tensorloom.studio.shell;

import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the window shows while the studio builds its views: its name and a line saying it is opening. Building
 * the catalogs, views and charts takes seconds on a small machine, all on the JavaFX thread; the window comes up
 * at once with this instead of after them.
 */
final class StartupSplash {
    static final String TITLE = "Tensorloom Studio";
    /** Pulses to wait; measured under Xvfb: 2 left the window blank until the studio was built. */
    private static final int FRAMES = 15;

    private StartupSplash() {
    }

    /** A plain scene: nothing on it takes a click, so none is taken while the studio loads. */
    static Scene scene() {
        Label name = new Label(TITLE);
        name.setStyle("-fx-font-size: 24px; -fx-font-weight: bold;");
        Label opening = new Label("Opening the studio…");
        opening.setStyle("-fx-text-fill: -color-fg-muted;");
        VBox box = new VBox(8, name, opening);
        box.setId("startup-splash");
        box.setAlignment(Pos.CENTER);
        return new Scene(box, 960, 640);
    }

    /**
     * Runs {@code next} once the splash is on screen. Drawing a pulse is not enough: the window system's map and
     * expose events are handled on the JavaFX thread too (GTK), so the thread must stay free for a few frames
     * (about {@value #FRAMES} pulses, a quarter of a second) before it builds the studio, or the window stays blank.
     */
    static void afterFirstFrame(Runnable next) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == FRAMES) {
                    stop();
                    next.run();
                }
            }
        }.start();
    }
}
