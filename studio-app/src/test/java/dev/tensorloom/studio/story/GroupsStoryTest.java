package dev.tensorloom.studio.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user turns two encoder layers of the transformer-reverse template into one block (Ctrl+G), undoes and
 * redoes it, opens the block and comes back by the breadcrumb, saves it as "Encoder pair" (it lands in the
 * library and under My blocks), adds a second copy from My blocks, trains through the groups, saves the project
 * (the block is embedded in the file), and ungroups; each step undoes.
 */
class GroupsStoryTest extends StudioStoryBase {
    @Start
    void start(Stage stage) throws Exception {
        openStudio(stage);
    }

    @Test
    void groupOpenSaveReuseTrainAndUngroup() throws Exception {
        dialogs.templates.add("transformer-reverse");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().document().nodeCount() > 5);
        WaitForAsyncUtils.waitForFxEvents();
        var doc = window.viewModel().document();
        int nodes = doc.nodeCount();

        // Group: enc1 and enc2 become one block whose ports are the wires crossing its edge.
        robot.clickOn(nodeView(robot, "enc1")).press(KeyCode.CONTROL).clickOn(nodeView(robot, "enc2"))
                .release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, doc.groups().size());
        Group group = doc.groups().iterator().next();
        assertTrue(group.collapsed());
        assertEquals(Set.of(group.id()), window.editor().selection());
        Node block = nodeView(robot, group.label() + " (2)");
        assertEquals(1, block.lookupAll(".input-port").size(), "one input: pos feeds enc1");
        assertEquals(1, block.lookupAll(".output-port").size(), "one output: enc2 feeds norm");
        undoRedo(robot, () -> doc.groups().isEmpty(), () -> doc.groups().size() == 1);

        // Open it, and come back by the breadcrumb.
        robot.doubleClickOn(nodeView(robot, group.label() + " (2)"));
        waitUntil(() -> group.id().equals(window.editor().canvas().getScope()));
        assertTrue(robot.lookup("#group-breadcrumb").query().isVisible());
        nodeView(robot, "enc1");
        robot.clickOn(robot.lookup("#group-breadcrumb .hyperlink").queryAs(Node.class));
        waitUntil(() -> window.editor().canvas().getScope() == null);
        assertFalse(robot.lookup("#group-breadcrumb").query().isVisible());

        // Save as block: into the library, under My blocks, and the group is named after it.
        dialogs.blockNames.add("Encoder pair");
        robot.clickOn(nodeView(robot, group.label() + " (2)"));
        robot.interact(() -> window.blocks().saveAsBlock(window.editor().selection()));
        waitUntil(() -> "encoder-pair".equals(doc.group(group.id()).orElseThrow().block()));
        assertEquals("Encoder pair", doc.group(group.id()).orElseThrow().label());
        Path saved = home.resolve("blocks").resolve("encoder-pair.tlb");
        assertTrue(Files.exists(saved), "the block is in the library folder");
        assertNotNull(robot.lookup("#palette-saved-encoder-pair").query(), "and under My blocks");
        undoRedo(robot, () -> doc.group(group.id()).orElseThrow().block() == null,
                () -> "encoder-pair".equals(doc.group(group.id()).orElseThrow().block()));

        // Reuse: a second copy from My blocks, fresh nodes in a collapsed group made from the block.
        robot.doubleClickOn("#palette-saved-encoder-pair");
        waitUntil(() -> doc.groups().size() == 2);
        Group copy = doc.groups().stream().filter(g -> !g.id().equals(group.id())).findFirst().orElseThrow();
        assertEquals("encoder-pair", copy.block());
        assertEquals(nodes + 2, doc.nodeCount());
        assertTrue(GroupTree.allMembers(doc, copy.id()).stream().noneMatch(List.of("enc1", "enc2")::contains));
        undoRedo(robot, () -> doc.groups().size() == 1, () -> doc.groups().size() == 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> doc.groups().size() == 1);

        // Train through the group: the model is the same nodes, grouped.
        robot.interact(() -> window.runPanel().settings().setSteps(5));
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> window.runPanel().stateProperty().get() == RunState.FINISHED
                        || window.runPanel().stateProperty().get() == RunState.FAILED);
        assertEquals(RunState.FINISHED, window.runPanel().stateProperty().get());

        // Save: the file embeds the block, so it opens where the library lacks it.
        Path file = home.resolve("grouped.tlm");
        dialogs.filesToSave.add(file);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(file));
        var reread = ProjectReader.read(file);
        assertEquals(Set.of("encoder-pair"), reread.blocks().keySet());
        assertEquals("encoder-pair", reread.document().group(group.id()).orElseThrow().block());

        // Ungroup: the nodes are back at the top level.
        robot.clickOn(nodeView(robot, "Encoder pair (2)"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.G).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> doc.groups().isEmpty());
        assertNull(doc.requireNode("enc1").group());
        nodeView(robot, "enc1");
        undoRedo(robot, () -> doc.groups().size() == 1, () -> doc.groups().isEmpty());

        // The palette's context menu: Add to canvas, and Delete from My blocks (after a question). Monocle turns
        // no right-click into a context-menu request, so the story fires the menu's items as the menu would.
        int before = doc.nodeCount();
        int groups = doc.groups().size();
        paletteMenuItem("#palette-saved-encoder-pair", "palette-menu-add");
        waitUntil(() -> doc.groups().size() == groups + 1 && doc.nodeCount() == before + 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> doc.groups().size() == groups);
        dialogs.confirmations.add(true);
        paletteMenuItem("#palette-saved-encoder-pair", "palette-menu-delete");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !Files.exists(saved));
        assertTrue(dialogs.asked.contains("confirm Delete \"Encoder pair\" from My blocks?"), dialogs.asked.toString());
    }

    /** Fires the item {@code itemId} of the context menu of the palette entry {@code entry}. */
    private void paletteMenuItem(String entry, String itemId) {
        javafx.scene.control.Control cell = robot.lookup(entry).queryAs(javafx.scene.control.Control.class);
        robot.interact(() -> cell.getContextMenu().getItems().stream().filter(i -> itemId.equals(i.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + itemId + " in " + entry + "'s menu")).fire());
    }

    /** Ctrl+Z reaches {@code undone}, Ctrl+Y comes back to {@code redone}. */
    private void undoRedo(FxRobot robot, java.util.function.BooleanSupplier undone,
            java.util.function.BooleanSupplier redone) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(undone);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        waitUntil(redone);
    }
}
