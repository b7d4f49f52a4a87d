package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.studio.files.WindowPlacement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** #20 first hour: at the smallest window, 900 × 600, the run buttons and the status bar stay readable. */
class SmallWindowStoryTest extends StudioStoryBase {
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        openStudio(stage);
    }

    @Test
    void atTheSmallestWindowTheRunButtonsAndStatusStayReadable() throws Exception {
        assertEquals(900, WindowPlacement.MIN_WIDTH);
        assertEquals(600, WindowPlacement.MIN_HEIGHT);
        dialogs.templates.add("transformer-reverse");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> window.viewModel().document().nodeCount() > 0);
        robot.interact(() -> {
            stage.setWidth(WindowPlacement.MIN_WIDTH);
            stage.setHeight(WindowPlacement.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> stage.getScene().getWidth() <= WindowPlacement.MIN_WIDTH);
        double width = stage.getScene().getWidth();
        double height = stage.getScene().getHeight();
        saveSnapshot();

        for (String id : List.of("#run-start", "#run-pause", "#run-resume", "#run-stop")) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertTrue(b.isVisible(), id + " is shown");
            Bounds r = b.localToScene(b.getLayoutBounds());
            assertTrue(r.getMinX() >= 0 && r.getMinY() >= 0 && r.getMaxX() <= width && r.getMaxY() <= height,
                    id + " lies inside the " + width + " × " + height + " window: " + r);
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " is not squeezed: " + b.getWidth());
            assertNotNull(b.getTooltip(), id + " has a tooltip");
            assertFalse(b.getTooltip().getText().isBlank());
            assertTrue(b.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY || shownWhole(b),
                    id + " shows its text whole or its icon alone");
        }
        assertEquals(ContentDisplay.GRAPHIC_ONLY, robot.lookup("#run-start").queryAs(Button.class).getContentDisplay(),
                "at 900 px the run buttons fall back to their icons");

        Node status = robot.lookup("#status-bar").query();
        Bounds bar = status.localToScene(status.getLayoutBounds());
        assertTrue(bar.getMaxY() <= height + 0.5 && bar.getMinY() > height / 2, "the status bar is at the bottom: " + bar);
        for (String id : List.of("#status-parameters", "#status-device")) {
            Labeled label = robot.lookup(id).queryAs(Labeled.class);
            Bounds r = label.localToScene(label.getLayoutBounds());
            assertTrue(r.getMinX() >= 0 && r.getMaxX() <= width, id + " inside the window: " + r);
            assertTrue(shownWhole(label), id + " is not cut short: " + label.getText());
        }

        // The run charts' titles wrap rather than end in "…" (the speed chart's names its basis: wall clock).
        for (String id : List.of("#chart-loss", "#chart-metric", "#chart-learning-rate", "#chart-throughput")) {
            Labeled title = robot.lookup(id + " .chart-title").queryAs(Labeled.class);
            assertTrue(shownWhole(title), id + "'s title is not cut short: " + title.getText());
        }

        // Wide again, the buttons say their names.
        robot.interact(() -> stage.setWidth(1500));
        waitUntil(() -> robot.lookup("#run-start").queryAs(Button.class).getContentDisplay() != ContentDisplay.GRAPHIC_ONLY);
        Button start = robot.lookup("#run-start").queryAs(Button.class);
        assertTrue(shownWhole(start), "Start shows its whole name");
    }

    /** Whether a labeled control draws its whole text (no "…" cut). */
    private boolean shownWhole(Labeled labeled) {
        return robot.from(labeled).lookup(".text").queryAll().stream().filter(Text.class::isInstance)
                .map(Text.class::cast).anyMatch(t -> t.getText().equals(labeled.getText()));
    }

    /** A picture of the window as the user sees it, to look at (target/small-window.png). */
    private void saveSnapshot() throws Exception {
        Path out = Path.of("target", "small-window.png");
        Files.createDirectories(out.getParent());
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
    }
}
