package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.io.ProjectReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A user builds input → linear → mse from the palette, edits, undoes, saves and reopens. */
class BuildAModelStoryTest extends StudioStoryBase {
    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    private void dragFromPalette(FxRobot robot, String search, String typeId) throws Exception {
        robot.clickOn("#palette-search").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE).write(search);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#palette-" + typeId).tryQuery().isPresent());
        robot.drag("#palette-" + typeId).dropTo("#graph-canvas");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Document doc() {
        return window.viewModel().document();
    }

    private Node only(String type) {
        return doc().nodes().stream().filter(n -> n.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void buildEditUndoRedoSaveAndReopen() throws Exception {
        dragFromPalette(robot, "input", "input");
        dragFromPalette(robot, "linear", "linear");
        dragFromPalette(robot, "mse", "mse");
        assertEquals(Set.of("input", "linear", "mse"),
                doc().nodes().stream().map(Node::type).collect(Collectors.toSet()));
        // Spread the three blocks out so their ports are reachable, as a user would before wiring.
        robot.interact(() -> window.editor().autoLayout());
        robot.interact(() -> window.editor().zoomToFit());
        WaitForAsyncUtils.waitForFxEvents();

        robot.drag(port(robot, only("input").label(), "out", false))
                .dropTo(port(robot, only("linear").label(), "in", true));
        robot.drag(port(robot, only("linear").label(), "out", false))
                .dropTo(port(robot, only("mse").label(), "pred", true));
        assertEquals(2, doc().wires().size(), "two wires drawn");

        robot.clickOn(nodeView(robot, only("linear").label()));
        waitUntil(() -> window.inspector().headingProperty().get().contains("Linear"));
        List<Spinner> spinners = robot.lookup("#inspector-sheet .param-spinner").queryAllAs(Spinner.class)
                .stream().toList();
        Spinner<?> outFeatures = spinners.get(1);
        robot.doubleClickOn(outFeatures.getEditor()).eraseText(6).write("32").type(KeyCode.ENTER);
        assertEquals(32L, only("linear").param("out_features"));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(64L, only("linear").param("out_features"), "the edit is undone (back to the default)");
        assertEquals(2, doc().wires().size(), "the second wire came back with redo");

        Path file = home.resolve("story.tlm");
        dialogs.filesToSave.add(file);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> Files.exists(file) && !window.viewModel().modifiedProperty().get());
        Document.Snapshot shown = doc().snapshot();
        assertEquals(shown, ProjectReader.read(file).document().snapshot(), "the file holds what was shown");

        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        waitUntil(() -> doc().nodeCount() == 0);
        dialogs.filesToOpen.add(file);
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        waitUntil(() -> doc().nodeCount() == 3);
        assertEquals(shown, doc().snapshot(), "reopened as it was");
        assertEquals("story — Tensorloom Studio", window.viewModel().titleProperty().get());
        assertTrue(window.viewModel().recentFiles().contains(file.toAbsolutePath().normalize()));
    }
}
