package dev.tensorloom.studio.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.SetParameter;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.validate.Problem;
import dev.tensorloom.studio.files.RecentFiles;
import dev.tensorloom.studio.main.CatalogModelChecker;
import dev.tensorloom.studio.main.MainWindowViewModel;
import dev.tensorloom.studio.main.ScriptedDialogs;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The problems list as the main window's background check fills it (the real checker, run in place): entries
 * name the node by its title with the port, the wire at fault is named for the canvas, a jump reveals the node,
 * and undoing the edit empties the list.
 */
class ProblemsViewModelTest {
    @TempDir
    Path dir;
    private MainWindowViewModel main;
    private ProblemsViewModel problems;
    private final List<String> revealed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        main = new MainWindowViewModel(new ScriptedDialogs(), TaskExecutor.direct(),
                new RecentFiles(dir.resolve("recent.json")), new CatalogModelChecker(BlockCatalog.standard()),
                TemplateCatalog.builtIn());
        problems = main.problems();
        problems.setReveal(revealed::add);
    }

    @Test
    void aShapeMismatchIsListedWithTheNodesTitleAndItsWireAndTheJumpRevealsTheNode() {
        main.load(new Project("Regression", BrokenModels.regression()), null);
        assertEquals("No problems", main.validationProperty().get());
        assertTrue(problems.problems().isEmpty());
        assertFalse(problems.anyProperty().get());
        assertNull(problems.worstProperty().get());

        main.undoStack().push(new SetParameter("fc", "out_features", 16L));
        ProblemEntry entry = problems.problems().stream().filter(e -> "loss".equals(e.nodeId())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for the loss: " + problems.problems()));
        assertEquals(Problem.Kind.SHAPE_MISMATCH, entry.kind());
        assertEquals(BrokenModels.LOSS_TITLE, entry.nodeTitle(), "the node is named by its title, not its id");
        assertEquals("target", entry.port());
        assertEquals(BrokenModels.LOSS_TITLE + ".target", entry.location());
        assertTrue(entry.message().contains("16") && entry.message().contains("8"), entry.message());
        assertEquals(new PortRef("loss", "target"), entry.faultyInput());
        assertEquals(Set.of(new PortRef("loss", "target")), problems.faultyInputsProperty().get(),
                "the wire y → loss.target is the one to mark");
        assertTrue(problems.anyProperty().get());
        assertEquals(Problem.Severity.ERROR, problems.worstProperty().get());
        assertTrue(main.validationProperty().get().contains("1 error"), main.validationProperty().get());

        problems.jumpTo(entry);
        assertEquals(List.of("loss"), revealed);

        main.undo();
        assertTrue(problems.problems().isEmpty(), "undoing the edit empties the list: " + problems.problems());
        assertEquals(Set.of(), problems.faultyInputsProperty().get(), "and clears the wire's mark");
        assertFalse(problems.anyProperty().get());
    }

    @Test
    void aProblemOfTheWholeModelIsListedAndItsJumpGoesNowhere() {
        main.load(new Project("No loss", BrokenModels.withoutLoss()), null);
        ProblemEntry noLoss = problems.problems().stream().filter(e -> e.kind() == Problem.Kind.NO_LOSS)
                .findFirst().orElseThrow(() -> new AssertionError("no NO_LOSS entry: " + problems.problems()));
        assertNull(noLoss.nodeId());
        assertEquals(ProblemEntry.WHOLE_MODEL, noLoss.location());
        assertEquals(Problem.Severity.WARNING, noLoss.severity());
        assertNull(noLoss.faultyInput());
        problems.jumpTo(noLoss);
        assertTrue(revealed.isEmpty(), "a problem without a node reveals nothing");
    }

    @Test
    void errorsComeBeforeWarningsAndAnUnchangedCheckKeepsTheListAsItIs() {
        main.load(new Project("Regression", BrokenModels.regression()), null);
        main.undoStack().push(new SetParameter("fc", "out_features", 16L));
        List<ProblemEntry> before = List.copyOf(problems.problems());
        int[] changes = {0};
        problems.problems().addListener((javafx.collections.ListChangeListener<ProblemEntry>) c -> changes[0]++);
        // Moving a node changes nothing the checker reports.
        main.undoStack().push(new dev.tensorloom.model.command.MoveNodes(java.util.Map.of("x",
                new dev.tensorloom.model.command.MoveNodes.Move(main.document().requireNode("x").position(),
                        new dev.tensorloom.model.doc.Position(10, 10)))));
        assertEquals(before, problems.problems());
        assertEquals(0, changes[0], "the same findings leave the list (and its selection) alone");

        problems.update(List.of(
                new ProblemEntry(Problem.Severity.WARNING, Problem.Kind.NO_LOSS, null, null, null, null, "w", null),
                new ProblemEntry(Problem.Severity.ERROR, Problem.Kind.MISSING_INPUT, "fc", "fc", "in", null, "e",
                        null)));
        assertEquals(List.of(Problem.Severity.ERROR, Problem.Severity.WARNING),
                problems.problems().stream().map(ProblemEntry::severity).toList());
    }
}
