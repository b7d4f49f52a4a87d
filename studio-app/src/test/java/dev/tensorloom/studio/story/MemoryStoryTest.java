package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.CanvasStyles;
import dev.tensorloom.studio.memory.SmallChain;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user opens a deep chain (cut to six blocks, batch 32), measures memory without checkpointing and with
 * sqrt, sees both timelines with the lower peak for sqrt, and steps the replay on the canvas.
 */
class MemoryStoryTest extends StudioStoryBase {
    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    @Test
    void measureNoneAgainstSqrtAndReplayTheStep(FxRobot robot) throws Exception {
        var project = SmallChain.project(6, 32);
        robot.interact(() -> window.viewModel().load(project, null));
        robot.clickOn("Memory");
        ComboBox<?> policy = robot.lookup("#memory-policy").queryAs(ComboBox.class);
        robot.interact(() -> ((ComboBox<String>) policy).setValue("sqrt"));
        robot.clickOn("#memory-analyse");
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS,
                () -> window.memory().analysisProperty().get() != null && !window.memory().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        LineChart<Number, Number> chart = robot.lookup("#memory-timeline").queryAs(LineChart.class);
        XYChart.Series<Number, Number> none = chart.getData().get(0);
        XYChart.Series<Number, Number> sqrt = chart.getData().get(2);
        assertEquals("none · ledger", none.getName());
        assertEquals("sqrt · ledger", sqrt.getName());
        assertFalse(none.getData().isEmpty());
        assertFalse(sqrt.getData().isEmpty());
        assertTrue(peak(sqrt) < peak(none), "sqrt peak " + peak(sqrt) + " vs none " + peak(none));

        robot.clickOn("#replay-step");
        robot.clickOn("#replay-step");
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, String> states = window.editor().canvas().nodeStatesProperty().get();
        assertEquals(2, states.size(), states.toString());
        assertTrue(states.values().stream().allMatch(CanvasStyles.STATE_KEPT::equals), states.toString());
        String first = states.keySet().iterator().next();
        assertTrue(robot.lookup("." + CanvasStyles.stateClass(CanvasStyles.STATE_KEPT)).queryAll().size() >= 2,
                "kept nodes are styled on the canvas");

        int last = window.memory().replayLengthProperty().get() - 1;
        robot.interact(() -> window.memory().seek(last));
        states = window.editor().canvas().nodeStatesProperty().get();
        assertEquals(CanvasStyles.STATE_GRAD_DONE, states.get("b3_fc1"), first + " " + states);
        assertFalse(robot.lookup("." + CanvasStyles.stateClass(CanvasStyles.STATE_GRAD_DONE)).queryAll().isEmpty());
    }

    private static double peak(XYChart.Series<Number, Number> s) {
        return s.getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).max().orElse(0);
    }
}
