package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.model.command.GroupNodes;
import dev.tensorloom.model.command.SetParameter;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.studio.problems.BrokenModels;
import dev.tensorloom.studio.problems.ProblemsLink;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user's edit breaks a wire (the prediction grows to 16 wide; the target stays 8): the status bar's verdict
 * becomes a link, the problems list it opens names the loss block by its title and port, a click on the entry
 * selects the block and brings it into view, and the wire at fault is drawn as a problem. Undo empties the list
 * and clears the mark. Inside a collapsed group, the entry selects the group the user sees.
 */
class ProblemsStoryTest extends StudioStoryBase {
    private static final PortRef TARGET = new PortRef("loss", "target");

    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    @Test
    void theStatusBarOpensTheProblemsAndAnEntryJumpsToItsNodeAndMarksTheWire() throws Exception {
        var vm = window.viewModel();
        var canvas = window.editor().canvas();
        robot.interact(() -> vm.load(new Project("Regression", BrokenModels.regression()), null));
        waitUntil(() -> !vm.isCheckPending() && vm.validationProperty().get().equals("No problems"));
        ProblemsLink link = robot.lookup("#status-problems").queryAs(ProblemsLink.class);
        assertTrue(link.isDisabled(), "with no problems the verdict is plain text");

        // The edit: fc now predicts 16 values, the target still has 8. Then the user looks elsewhere.
        robot.interact(() -> vm.undoStack().push(new SetParameter("fc", "out_features", 16L)));
        waitUntil(() -> !vm.isCheckPending() && !link.isDisabled());
        assertTrue(vm.validationProperty().get().startsWith("1 error"), vm.validationProperty().get());
        robot.interact(() -> {
            canvas.setZoom(1);
            canvas.viewport().panXProperty().set(4000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(inViewport(BrokenModels.LOSS_TITLE), "the loss block is out of view before the jump");

        robot.clickOn("#status-problems");
        waitUntil(link::isListShowing);
        Node entry = entry(BrokenModels.LOSS_TITLE + ".target");
        String message = robot.from(entry).lookup(".problem-message").queryAs(Label.class).getText();
        assertTrue(message.contains("16") && message.contains("8"), message);

        robot.clickOn(entry);
        waitUntil(() -> canvas.selection().equals(Set.of("loss")));
        // The block's view is built and shown on the layout pass after the jump.
        waitUntil(() -> inViewport(BrokenModels.LOSS_TITLE));
        Node wire = wireInto(TARGET);
        assertTrue(wire.getStyleClass().contains(CanvasStyles.WIRE_PROBLEM), "the wire y → loss.target is marked");

        // Undo, with the list still open: it follows the check and empties, and the mark goes.
        robot.interact(vm::undo);
        waitUntil(() -> !vm.isCheckPending() && problemsList().getItems().isEmpty());
        assertTrue(link.isListShowing(), "the open list now says there are no problems");
        assertFalse(wire.getStyleClass().contains(CanvasStyles.WIRE_PROBLEM), "the mark is cleared");
        assertTrue(link.isDisabled());
    }

    @Test
    void aProblemInsideACollapsedGroupSelectsTheGroupTheUserSees() throws Exception {
        var vm = window.viewModel();
        var canvas = window.editor().canvas();
        robot.interact(() -> vm.load(new Project("Regression", BrokenModels.regression()), null));
        GroupNodes group = new GroupNodes(List.of("fc", "loss"), "Head", true);
        robot.interact(() -> {
            vm.undoStack().push(group);
            vm.undoStack().push(new SetParameter("fc", "out_features", 16L));
        });
        waitUntil(() -> !vm.isCheckPending() && vm.problems().anyProperty().get());

        robot.clickOn("#status-problems");
        robot.clickOn(entry(BrokenModels.LOSS_TITLE + ".target"));
        waitUntil(() -> canvas.selection().equals(Set.of(group.groupId())));
        assertEquals(null, canvas.getScope(), "the level shown stays; the group holding the block is selected");
        assertTrue(wireInto(TARGET).getStyleClass().contains(CanvasStyles.WIRE_PROBLEM),
                "the wire into the group's port is marked");
    }

    @SuppressWarnings("unchecked")
    private ListView<Object> problemsList() {
        return robot.lookup("#problems-list").queryAs(ListView.class);
    }

    /** The list's row whose first line reads {@code location}. */
    private Node entry(String location) throws Exception {
        waitUntil(() -> robot.lookup(".problem-location").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(location)));
        Label label = robot.lookup(".problem-location").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals(location)).findFirst().orElseThrow();
        Node cell = label;
        while (!cell.getStyleClass().contains("problem-entry")) {
            cell = cell.getParent();
        }
        return cell;
    }

    private Node wireInto(PortRef input) {
        String id = window.viewModel().document().wireInto(input).orElseThrow().id();
        return robot.lookup("#wire-" + id).query();
    }

    /** Whether the node view titled {@code title} lies wholly inside the canvas on screen. */
    private boolean inViewport(String title) {
        Node canvas = robot.lookup("#graph-canvas").query();
        Bounds visible = canvas.localToScreen(canvas.getLayoutBounds());
        var views = robot.lookup("." + CanvasStyles.NODE_TITLE).queryAllAs(javafx.scene.text.Text.class).stream()
                .filter(t -> t.getText().equals(title)).map(Node::getParent).toList();
        return views.stream().filter(Node::isVisible).map(v -> v.localToScreen(v.getLayoutBounds()))
                .anyMatch(b -> b != null && visible.contains(b.getMinX(), b.getMinY())
                        && visible.contains(b.getMaxX() - 1, b.getMaxY() - 1));
    }
}
