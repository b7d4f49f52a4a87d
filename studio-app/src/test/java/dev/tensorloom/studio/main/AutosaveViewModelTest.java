package dev.tensorloom.studio.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.command.AddNode;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.files.RecentFiles;
import dev.tensorloom.studio.files.RecoveryStore;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveViewModelTest {
    @TempDir
    Path home;
    private StudioHome studioHome;
    private ScriptedDialogs dialogs;

    @BeforeEach
    void useTempHome() {
        System.setProperty(StudioHome.PROPERTY, home.toString());
        studioHome = StudioHome.current();
        dialogs = new ScriptedDialogs();
    }

    @AfterEach
    void clearHome() {
        System.clearProperty(StudioHome.PROPERTY);
    }

    /** One studio session: its window model and autosave over the temp home. */
    private record Session(MainWindowViewModel main, AutosaveViewModel autosave) { }

    private Session start() {
        MainWindowViewModel main = new MainWindowViewModel(dialogs, TaskExecutor.direct(),
                new RecentFiles(studioHome.recentFiles()), doc -> new ModelChecker.Summary("", ""),
                TemplateCatalog.builtIn());
        return new Session(main, new AutosaveViewModel(main, new RecoveryStore(studioHome.recoveryFolder()),
                TaskExecutor.direct()));
    }

    private static void edit(MainWindowViewModel main) {
        main.undoStack().push(new AddNode(Node.of(main.document().freshId("relu"), "relu")));
    }

    private Path recoveryFile() {
        return new RecoveryStore(studioHome.recoveryFolder()).file();
    }

    @Test
    void homeFollowsTheSystemProperty() {
        assertEquals(home.resolve("recovery"), studioHome.recoveryFolder());
    }

    @Test
    void autosavesOnlyUnsavedWork() throws Exception {
        Session s = start();
        s.autosave().autosave();
        assertFalse(Files.exists(recoveryFile()), "nothing unsaved, nothing written");
        edit(s.main());
        s.autosave().autosave();
        assertEquals(1, ProjectReader.read(recoveryFile()).document().nodeCount());
        Files.delete(recoveryFile());
        s.autosave().autosave();
        assertFalse(Files.exists(recoveryFile()), "the same revision is not written twice");
    }

    @Test
    void aCrashedSessionIsOfferedAndRestoredAsUnsavedWork() throws Exception {
        Session crashed = start();
        edit(crashed.main());
        edit(crashed.main());
        crashed.autosave().autosave();
        // No clean end: the next start finds the copy.
        dialogs.restore = true;
        Session next = start();
        assertTrue(next.autosave().offerRecovery(dialogs));
        assertEquals(2, next.main().document().nodeCount());
        assertTrue(next.main().modifiedProperty().get(), "restored work is not saved anywhere yet");
        assertTrue(Files.exists(recoveryFile()), "kept until saved or discarded");
    }

    @Test
    void declinedRecoveryIsDeleted() {
        Session crashed = start();
        edit(crashed.main());
        crashed.autosave().autosave();
        dialogs.restore = false;
        Session next = start();
        assertFalse(next.autosave().offerRecovery(dialogs));
        assertEquals(0, next.main().document().nodeCount());
        assertFalse(Files.exists(recoveryFile()));
    }

    @Test
    void savingDeletesTheRecoveryCopy() {
        Session s = start();
        edit(s.main());
        s.autosave().autosave();
        assertTrue(Files.exists(recoveryFile()));
        dialogs.filesToSave.add(home.resolve("saved.tlm"));
        s.main().save();
        assertFalse(Files.exists(recoveryFile()));
    }

    @Test
    void noOfferWithoutACopy() {
        assertFalse(start().autosave().offerRecovery(dialogs));
        assertTrue(dialogs.asked.isEmpty());
    }
}
