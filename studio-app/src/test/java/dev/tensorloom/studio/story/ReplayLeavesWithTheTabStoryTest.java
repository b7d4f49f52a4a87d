package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.model.io.ProjectWriter;
import dev.tensorloom.studio.memory.SmallChain;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user measures memory on a four-block chain, steps the replay so the canvas shows what the schedule holds,
 * then goes to the Run tab: the canvas loses the replay's colours (they belong to the memory tab), and gets them
 * back at the same replay position on returning.
 */
class ReplayLeavesWithTheTabStoryTest extends StudioStoryBase {
    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    @Test
    void theReplayHighlightClearsOnLeavingTheMemoryTab() throws Exception {
        Path file = home.resolve("chain.tlm");
        ProjectWriter.write(SmallChain.project(4, 16), file);
        dialogs.filesToOpen.add(file);
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().document().nodeCount() > 10);
        robot.clickOn(tab("Memory"));
        robot.clickOn("#memory-analyse");
        // A bound on hanging, not a speed target: a four-block chain at batch 16 measures in seconds alone.
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS,
                () -> window.memory().analysisProperty().get() != null && !window.memory().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#replay-step").clickOn("#replay-step").clickOn("#replay-step");
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, String> replayed = window.editor().canvas().nodeStatesProperty().get();
        assertFalse(replayed.isEmpty(), "the replay colours the canvas");
        assertTrue(statedNodes() > 0);

        robot.clickOn(tab("Run"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.editor().canvas().nodeStatesProperty().get().isEmpty(),
                "no replay colours outside the memory tab: " + window.editor().canvas().nodeStatesProperty().get());
        assertEquals(0, statedNodes(), "no node on the canvas is styled by the replay");

        robot.clickOn(tab("Memory"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(replayed, window.editor().canvas().nodeStatesProperty().get(), "back where the replay was");
    }

    /** The header of the run tab titled {@code title} (the menu bar has a "Run" too). */
    private Node tab(String title) {
        return robot.lookup(".tab .tab-label").match(n -> n instanceof Labeled l && title.equals(l.getText())).query();
    }

    private int statedNodes() {
        int n = 0;
        for (String state : new String[] {CanvasStyles.STATE_KEPT, CanvasStyles.STATE_CHECKPOINT,
                CanvasStyles.STATE_DROPPED, CanvasStyles.STATE_RECOMPUTING, CanvasStyles.STATE_GRAD_DONE}) {
            n += robot.lookup("." + CanvasStyles.stateClass(state)).queryAll().size();
        }
        return n;
    }
}
