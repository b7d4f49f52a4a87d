package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.TradeoffPoint;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user opens the transformer-reverse template, goes to the memory view and finds the trade-off chart filled
 * with every policy, predicted before anything runs. Hovering names a point; clicking the leanest one plans it
 * (the policy box and the plan text follow), colours the canvas by what it keeps and drops, and makes it the
 * next run's policy; leaving the memory tab clears the colours. "Fit in N MiB" picks the fastest plan that fits.
 */
class TradeoffStoryTest extends StudioStoryBase {
    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    @Test
    void clickAPointToPlanItColourTheGraphAndUseItForTheNextRun() throws Exception {
        dialogs.templates.add("transformer-reverse");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().document().nodeCount() > 5);
        robot.clickOn("Memory");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.tradeoff().tradeoffProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var points = robot.lookup("#memory-tradeoff .tradeoff-point").queryAll();
        assertEquals(window.tradeoff().tradeoffProperty().get().points().size(), points.size(), "a dot per policy");
        Label summary = robot.lookup("#memory-tradeoff-summary").queryAs(Label.class);
        assertTrue(summary.getText().contains("predicted on costs estimated from shapes"), summary.getText());

        TradeoffPoint leanest = window.tradeoff().tradeoffProperty().get().frontier().get(0);
        assertFalse(leanest.policy().equals(CheckpointPolicy.none()));
        Node dot = points.stream().filter(n -> leanest.equals(n.getUserData())).findFirst().orElseThrow();
        robot.moveTo(dot);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".tooltip").tryQuery().isPresent());
        String tip = robot.lookup(".tooltip").match(n -> n instanceof Label).queryAs(Label.class).getText();
        assertTrue(tip.startsWith(leanest.policy() + " — on the frontier"), tip);
        robot.clickOn(dot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> leanest.policy().toString().equals(window.memory().pickedPolicyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(leanest.policy().toString(), window.viewModel().document().config().checkpointPolicy(),
                "the next run uses the chosen policy");
        assertEquals(leanest.policy().toString(), robot.lookup("#memory-policy").queryAs(ComboBox.class).getValue());
        Label headline = robot.lookup("#memory-plan-headline").queryAs(Label.class);
        assertTrue(headline.getText().startsWith("Plan for " + leanest.policy()), headline.getText());
        Map<String, String> states = window.editor().canvas().nodeStatesProperty().get();
        assertTrue(states.containsValue(CanvasStyles.STATE_DROPPED), states.toString());
        assertFalse(robot.lookup("." + CanvasStyles.stateClass(CanvasStyles.STATE_DROPPED)).queryAll().isEmpty(),
                "dropped nodes are drawn so on the canvas");

        robot.clickOn("Activations");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Map.of(), window.editor().canvas().nodeStatesProperty().get(), "the colours leave with the tab");
        robot.clickOn("Memory");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.editor().canvas().nodeStatesProperty().get().isEmpty(), "and come back with it");

        // Room for none: the fastest plan that fits is as fast as none (it may drop what costs nothing to redo).
        long nonePeak = window.tradeoff().tradeoffProperty().get().point(CheckpointPolicy.none()).orElseThrow().peakBytes();
        long room = (nonePeak >> 20) + 1;
        robot.clickOn("#memory-fit").write(Long.toString(room)).clickOn("#memory-fit-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !leanest.equals(window.tradeoff().chosenProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        TradeoffPoint fitted = window.tradeoff().chosenProperty().get();
        long noneStep = window.tradeoff().tradeoffProperty().get().noneStepNanos();
        assertEquals(noneStep, fitted.stepNanos(), fitted.toString());
        assertTrue(fitted.peakBytes() <= room << 20, fitted.toString());
        Label fit = robot.lookup("#memory-fit-text").queryAs(Label.class);
        assertTrue(fit.getText().startsWith("Fastest within " + room + " MiB: " + fitted.policy()), fit.getText());
        assertEquals(fitted.policy().toString(), window.viewModel().document().config().checkpointPolicy());
    }
}
