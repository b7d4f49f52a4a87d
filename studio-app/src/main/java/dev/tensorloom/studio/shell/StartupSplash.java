package dev.tensorloom.studio.shell;

import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * What the window shows while the studio builds its views: its name and a line saying it is opening. Building
 * the catalogs, views and charts takes seconds on a small machine, all on the JavaFX thread; the window comes up
 * at once with this instead of after them.
 */
final class StartupSplash {
    static final String TITLE = "Tensorloom Studio";
    /** Pulses to wait; measured under Xvfb: 2 left the window blank until the studio was built. */
    private static final int FRAMES = 15;
    /** A system property that makes the studio say on stderr when the splash is drawn (for the start benchmark). */
    static final String TRACE = "tensorloom.startupTrace";

    private StartupSplash() {
    }

    /**
     * A plain scene: nothing on it takes a click, so none is taken while the studio loads. It holds text and a
     * layout pane but no control, so JavaFX reads no user-agent stylesheet for it: the theme's is read after the
     * splash is on screen, with the studio.
     */
    static Scene scene() {
        Text name = new Text(TITLE);
        name.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 24));
        name.setFill(Color.web("#1f2328"));
        Text opening = new Text("Opening the studio…");
        opening.setFont(Font.font(Font.getDefault().getFamily(), 14));
        opening.setFill(Color.web("#656d76"));
        VBox box = new VBox(8, name, opening);
        box.setId("startup-splash");
        box.setAlignment(Pos.CENTER);
        return new Scene(box, 960, 640, Color.WHITE);
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
                if (++frames == 2 && Boolean.getBoolean(TRACE)) {
                    // The second pulse begins after the first was rendered: the splash is drawn. For
                    // bench/first-window.sh, which compares this wall-clock time with the moment it launched the JVM.
                    System.err.println("tensorloom: splash drawn at " + System.currentTimeMillis());
                }
                if (frames == FRAMES) {
                    stop();
                    next.run();
                }
            }
        }.start();
    }
}
