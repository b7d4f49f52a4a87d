package dev.tensorloom.studio.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.AddNode;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.files.RecentFiles;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowViewModelTest {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();
    @TempDir
    Path dir;
    private ScriptedDialogs dialogs;
    private MainWindowViewModel vm;

    @BeforeEach
    void setUp() {
        dialogs = new ScriptedDialogs();
        vm = newViewModel();
    }

    private MainWindowViewModel newViewModel() {
        return new MainWindowViewModel(dialogs, TaskExecutor.direct(), new RecentFiles(dir.resolve("home/recent.json")),
                new CatalogModelChecker(CATALOG), TemplateCatalog.builtIn());
    }

    private void edit() {
        vm.undoStack().push(new AddNode(Node.of(vm.document().freshId("linear"), "linear")));
    }

    private Path savedFile(String name) throws Exception {
        Path file = dir.resolve(name + ".tlm");
        dialogs.filesToSave.add(file);
        edit();
        vm.save();
        return file;
    }

    @Test
    void titleShowsNameAndModifiedMarker() {
        assertEquals("Untitled — Tensorloom Studio", vm.titleProperty().get());
        edit();
        assertTrue(vm.modifiedProperty().get());
        assertEquals("Untitled • — Tensorloom Studio", vm.titleProperty().get());
        vm.undo();
        assertFalse(vm.modifiedProperty().get(), "undoing back to the saved state clears the marker");
        assertEquals("Untitled — Tensorloom Studio", vm.titleProperty().get());
    }

    @Test
    void saveAsksForAFileNamesTheProjectAndClearsTheMarker() throws Exception {
        Path file = savedFile("mlp");
        assertTrue(Files.exists(file));
        assertEquals(file, vm.fileProperty().get());
        assertEquals("mlp — Tensorloom Studio", vm.titleProperty().get());
        assertEquals(1, ProjectReader.read(file).document().nodeCount());
    }

    @Test
    void openingAProjectCountsAsALoadSoTheViewCanFitIt() throws Exception {
        Path file = savedFile("fitme");
        int before = vm.projectsLoadedProperty().get();
        vm.open(file);
        assertEquals(before + 1, vm.projectsLoadedProperty().get());
        edit();
        assertEquals(before + 1, vm.projectsLoadedProperty().get(), "an edit is not a load");
    }

    @Test
    void saveAddsTheExtensionWhenMissing() {
        dialogs.filesToSave.add(dir.resolve("noext"));
        edit();
        vm.save();
        assertTrue(Files.exists(dir.resolve("noext.tlm")));
    }

    @Test
    void cancellingTheUnsavedChangesQuestionKeepsTheWork() throws Exception {
        Path other = savedFile("other");
        edit();
        dialogs.unsavedAnswers.add(UnsavedChoice.CANCEL);
        vm.open(other);
        assertEquals(List.of("save as Untitled", "save changes to other"), dialogs.asked);
        assertEquals(2, vm.document().nodeCount(), "nothing was loaded");
        assertTrue(vm.modifiedProperty().get());
    }

    @Test
    void discardingLoadsWithoutSaving() throws Exception {
        Path first = savedFile("first");
        edit();
        edit();
        dialogs.unsavedAnswers.add(UnsavedChoice.DISCARD);
        vm.open(first);
        assertEquals(1, vm.document().nodeCount());
        assertEquals(1, ProjectReader.read(first).document().nodeCount(), "the file kept its saved content");
        assertFalse(vm.modifiedProperty().get());
    }

    @Test
    void choosingSaveWritesFirstThenProceeds() throws Exception {
        Path file = savedFile("work");
        edit();
        dialogs.unsavedAnswers.add(UnsavedChoice.SAVE);
        vm.newProject();
        assertEquals(2, ProjectReader.read(file).document().nodeCount(), "the edit was saved before New");
        assertEquals(0, vm.document().nodeCount());
        assertEquals("Untitled", vm.projectNameProperty().get());
    }

    @Test
    void noQuestionWithoutUnsavedChanges() {
        vm.newProject();
        assertTrue(dialogs.asked.isEmpty());
    }

    @Test
    void brokenFileShowsItsLocatedMessageAndKeepsTheWork() throws Exception {
        edit();
        Path broken = dir.resolve("broken.tlm");
        Files.writeString(broken, "{\n  \"formatVersion\": 2,\n  \"graph\": [\n");
        dialogs.unsavedAnswers.add(UnsavedChoice.DISCARD);
        vm.open(broken);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("broken.tlm:"), dialogs.errors.get(0));
        assertEquals(1, vm.document().nodeCount(), "the current work stays open");
        assertTrue(vm.modifiedProperty().get());
    }

    @Test
    void openingAFileWithUnknownFieldsWarnsAndNamesEachOne() throws Exception {
        Path file = dir.resolve("extra.tlm");
        Files.writeString(file, "{\n  \"formatVersion\": 2,\n  \"graph\": {\"nodes\": {\"a\": {\"type\": \"relu\", "
                + "\"size\": 3}}},\n  \"training\": {\"stepz\": 10}\n}\n");
        vm.open(file);
        assertEquals(1, vm.document().nodeCount(), "the file opens");
        assertEquals(1, dialogs.warnings.size(), dialogs.errors.toString());
        String warning = dialogs.warnings.get(0);
        assertTrue(warning.contains("extra.tlm:3:53: unknown field 'graph.nodes.a.size'"), warning);
        assertTrue(warning.contains("extra.tlm:4:25: unknown field 'training.stepz'"), warning);
    }

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndPersist() throws Exception {
        Path a = savedFile("a");
        vm.newProject();
        Path b = savedFile("b");
        vm.open(a);
        assertEquals(List.of(a, b), vm.recentFiles());
        assertEquals(List.of(a, b), newViewModel().recentFiles(), "stored under the studio home");
    }

    @Test
    void recentFilesThatNoLongerExistLeaveTheList() throws Exception {
        Path a = savedFile("a");
        vm.newProject();
        Path b = savedFile("b");
        vm.newProject();
        Path c = savedFile("c");
        assertEquals(List.of(c, b, a), vm.recentFiles());
        Files.delete(a);
        vm = newViewModel();
        assertEquals(List.of(c, b), vm.recentFiles(), "checked when the studio starts");

        Files.delete(b);
        vm.open(b);
        assertEquals(List.of(c), vm.recentFiles(), "and when one fails to open because it is gone");
        assertTrue(dialogs.errors.get(dialogs.errors.size() - 1).contains("no longer exists; it is gone from Open recent"),
                dialogs.errors.toString());
        assertEquals(List.of(c), newViewModel().recentFiles(), "the store forgets it too");
    }

    @Test
    void anEmptyModelIsFlaggedUntilTheFirstBlockAndAgainAfterUndo() {
        assertTrue(vm.emptyProperty().get());
        edit();
        assertFalse(vm.emptyProperty().get());
        vm.undo();
        assertTrue(vm.emptyProperty().get());
        vm.openTemplate(TemplateCatalog.builtIn().cards().get(0).id());
        assertFalse(vm.emptyProperty().get(), "an opened template is not empty");
    }

    @Test
    void templateOpensAsAnUntitledCopy() {
        String id = TemplateCatalog.builtIn().cards().get(0).id();
        vm.openTemplate(id);
        assertTrue(vm.document().nodeCount() > 0);
        assertEquals(null, vm.fileProperty().get());
        assertEquals(TemplateCatalog.builtIn().require(id).title(), vm.projectNameProperty().get());
        assertFalse(vm.modifiedProperty().get());
    }

    @Test
    void statusBarShowsValidationAndParameters() {
        assertEquals("Empty model", vm.validationProperty().get());
        edit();
        assertTrue(vm.validationProperty().get().contains("error"), vm.validationProperty().get());
        String broken = vm.document().nodes().iterator().next().id();
        assertTrue(vm.annotationsProperty().get().get(broken).hasProblems(), "the unconnected linear shows its problem");
        dialogs.unsavedAnswers.add(UnsavedChoice.DISCARD);
        vm.openTemplate(TemplateCatalog.builtIn().cards().get(0).id());
        assertEquals("No problems", vm.validationProperty().get());
        assertTrue(vm.parametersProperty().get().matches("[0-9.]+ k params"), vm.parametersProperty().get());
        assertEquals(vm.document().nodeCount(), vm.annotationsProperty().get().size());
        assertTrue(vm.annotationsProperty().get().values().stream().anyMatch(a -> !a.outputShapes().isEmpty()),
                "inferred output shapes reach the canvas");
    }

    @Test
    void runCommandsWaitForTheRunPanel() {
        assertFalse(vm.runAvailableProperty().get());
    }

    @Test
    void statusBarShowsTheProbedDeviceOrThatThereIsNone() {
        assertEquals("Device: …", vm.deviceProperty().get());
        assertFalse(vm.isDeviceProbePending());
        vm.probeDevice(() -> "CPU()");
        assertEquals("Device: CPU()", vm.deviceProperty().get());
        assertFalse(vm.isDeviceProbePending());
        vm.probeDevice(() -> {
            throw new IllegalStateException("no engine");
        });
        assertEquals("Device: unavailable", vm.deviceProperty().get());
    }
}
