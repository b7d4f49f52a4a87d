package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.studio.run.RunState;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Templates, layout and zoom; a refused wire; a broken file. */
class EditorStoriesTest extends StudioStoryBase {
    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    private Document doc() {
        return window.viewModel().document();
    }

    @Test
    void anEmptyCanvasSaysHowToBeginAndItsButtonOpensTheGallery() throws Exception {
        javafx.scene.Node hint = robot.lookup("#empty-canvas-hint").query();
        assertTrue(hint.isVisible(), "a new, empty model says how to begin");
        String id = TemplateCatalog.builtIn().cards().get(1).id();
        dialogs.templates.add(id);
        robot.clickOn("#empty-canvas-gallery");
        waitUntil(() -> doc().nodeCount() > 0);
        assertEquals(TemplateCatalog.builtIn().require(id).title(), window.viewModel().projectNameProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hint.isVisible(), "the hint goes once the model has blocks");
    }

    @Test
    void openATemplateAutoLayoutAndZoomToFit() throws Exception {
        String id = TemplateCatalog.builtIn().cards().get(0).id();
        dialogs.templates.add(id);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> doc().nodeCount() > 0);
        assertEquals(TemplateCatalog.builtIn().require(id).title(), window.viewModel().projectNameProperty().get());
        assertEquals(null, window.viewModel().fileProperty().get(), "an untitled copy, not linked to a file");

        Set<Position> before = doc().nodes().stream().map(Node::position).collect(Collectors.toSet());
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(doc().nodeCount(), doc().nodes().stream().map(Node::position).distinct().count(),
                "no two nodes share a place");
        assertTrue(window.viewModel().canUndoProperty().get() || before.size() == doc().nodeCount(),
                "the layout is one undoable move (or the nodes were already laid out)");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node canvas = robot.lookup("#graph-canvas").query();
        Bounds visible = canvas.localToScene(canvas.getLayoutBounds());
        for (javafx.scene.Node view : robot.lookup("." + CanvasStyles.NODE).queryAll()) {
            Bounds b = view.localToScene(view.getLayoutBounds());
            assertTrue(visible.contains(b.getMinX(), b.getMinY()) && visible.contains(b.getMaxX() - 1, b.getMaxY() - 1),
                    "zoom to fit shows every node: " + b + " inside " + visible);
        }
    }

    @Test
    void aWrongConnectionIsRefusedWithItsReason() throws Exception {
        robot.interact(() -> {
            window.editor().canvas().addNode("input", new javafx.geometry.Point2D(0, 0));
            window.editor().canvas().addNode("embedding", new javafx.geometry.Point2D(300, 0));
        });
        WaitForAsyncUtils.waitForFxEvents();
        String input = doc().nodes().stream().filter(n -> n.type().equals("input")).findFirst().orElseThrow().label();
        String embedding = doc().nodes().stream().filter(n -> n.type().equals("embedding")).findFirst().orElseThrow()
                .label();
        robot.drag(port(robot, input, "out", false)).dropTo(port(robot, embedding, "in", true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc().wires().isEmpty(), "the wire is refused");
        Label message = robot.lookup("#canvas-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().contains(embedding + ".in expects") && message.getText().contains("int64"),
                "the located reason names the port and the element type it expects: "
                + message.getText());
        // #20 first hour: beside the port it refused, not over it, inside the canvas, and gone after a few seconds.
        javafx.scene.Node in = port(robot, embedding, "in", true);
        Bounds port = in.localToScene(in.getLayoutBounds());
        Bounds box = message.localToScene(message.getLayoutBounds());
        assertFalse(box.intersects(port), "the reason does not cover the port: " + box + " over " + port);
        double gap = Math.max(Math.max(port.getMinX() - box.getMaxX(), box.getMinX() - port.getMaxX()),
                Math.max(port.getMinY() - box.getMaxY(), box.getMinY() - port.getMaxY()));
        assertTrue(gap <= 12, "beside the port: " + box + " and " + port);
        javafx.scene.Node canvas = robot.lookup("#graph-canvas").query();
        Bounds visible = canvas.localToScene(canvas.getLayoutBounds());
        assertTrue(visible.contains(box), "inside the canvas: " + box + " in " + visible);
        waitUntil(() -> !message.isVisible());
    }

    @Test
    void aBrokenFileShowsItsMessageAndLosesNothing() throws Exception {
        robot.interact(() -> window.editor().canvas().addNode("linear", new javafx.geometry.Point2D(0, 0)));
        Document.Snapshot work = doc().snapshot();
        Path broken = home.resolve("broken.tlm");
        Files.writeString(broken, "{\n  \"formatVersion\": 2,\n  \"graph\": {\n    \"nodes\": [1, 2\n");
        dialogs.unsavedAnswers.add(dev.tensorloom.studio.main.UnsavedChoice.DISCARD);
        dialogs.filesToOpen.add(broken);
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        waitUntil(() -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).startsWith("broken.tlm:"), dialogs.errors.get(0));
        assertEquals(work, doc().snapshot(), "the current work is untouched");
        assertTrue(window.viewModel().modifiedProperty().get());
        assertFalse(window.viewModel().recentFiles().contains(broken.toAbsolutePath()));
    }

    /** #20 first hour: while a run trains, the user can tell which graph is training. */
    @Test
    void editsWhileTrainingAreMarkedAsNotInThisRun() throws Exception {
        dialogs.templates.add("transformer-reverse");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> doc().node("norm").isPresent());
        robot.interact(() -> window.runPanel().settings().setSteps(100_000));
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> window.runPanel().stateProperty().get() == RunState.RUNNING);
        Label notice = robot.lookup("#editor-notice").queryAs(Label.class);
        assertFalse(notice.isVisible(), "nothing edited yet");

        deleteNode("norm");
        waitUntil(() -> doc().node("norm").isEmpty());
        assertTrue(notice.isVisible());
        assertEquals("Not in this run: 1 block added or changed, 1 block removed since it started (marked). The run "
                + "trains the graph as it was; Start again to train these edits.", notice.getText());
        assertTrue(nodeView(robot, "head").getPseudoClassStates().contains(CanvasStyles.MARKED),
                "head lost its input, so it is not the head being trained");
        assertFalse(nodeView(robot, "enc1").getPseudoClassStates().contains(CanvasStyles.MARKED));
        assertEquals(RunState.RUNNING, window.runPanel().stateProperty().get(), "the run goes on");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> doc().node("norm").isPresent());
        assertFalse(notice.isVisible(), "undone: the graph is the trained one again");
        assertFalse(nodeView(robot, "head").getPseudoClassStates().contains(CanvasStyles.MARKED));

        deleteNode("norm");
        waitUntil(notice::isVisible);
        robot.interact(() -> window.runPanel().stop());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.runPanel().stateProperty().get() == RunState.STOPPED);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(notice.isVisible(), "no run, nothing is 'not in it'");
        assertFalse(nodeView(robot, "head").getPseudoClassStates().contains(CanvasStyles.MARKED));
    }

    /** #20 first hour: opening another project leaves nothing of the previous one's run on screen. */
    @Test
    void anotherProjectStartsTheRunTabOver() throws Exception {
        dialogs.templates.add("transformer-reverse");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> doc().node("norm").isPresent());
        robot.interact(() -> window.runPanel().settings().setSteps(3));
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> window.runPanel().stateProperty().get() == RunState.FINISHED);
        javafx.scene.chart.LineChart<?, ?> loss = robot.lookup("#chart-loss").queryAs(javafx.scene.chart.LineChart.class);
        assertEquals(3, loss.getData().get(0).getData().size());
        Label progress = robot.lookup("#run-progress-text").queryAs(Label.class);
        assertFalse(progress.getText().equals("Not started"), progress.getText());

        dialogs.unsavedAnswers.add(dev.tensorloom.studio.main.UnsavedChoice.DISCARD);
        dialogs.templates.add("realnvp-moons");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> doc().node("norm").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(loss.getData().isEmpty() || loss.getData().get(0).getData().isEmpty(), "no loss of the other model");
        assertEquals("Not started", progress.getText());
        assertTrue(window.runPanel().log().isEmpty(), window.runPanel().log().toString());
        assertEquals(RunState.IDLE, window.runPanel().stateProperty().get());
    }

    /** Selects a block (it may lie outside the view a template opens at) and presses Delete on the canvas. */
    private void deleteNode(String id) {
        robot.interact(() -> {
            window.editor().canvas().select(java.util.List.of(id));
            window.editor().canvas().requestFocus();
        });
        robot.type(KeyCode.DELETE);
    }
}
