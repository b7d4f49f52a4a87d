package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {
    @TempDir
    Path dir;

    private static String fileProblem(Path p) {
        OutputPathException e = assertThrows(OutputPathException.class, () -> OutputPaths.checkFile(p, "--metrics-out"));
        assertTrue(e instanceof UserError);
        assertTrue(e.getMessage().startsWith("--metrics-out " + p + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aWritableFileOrANewFileInAnExistingFolderPasses() throws Exception {
        assertDoesNotThrow(() -> OutputPaths.checkFile(dir.resolve("new.json"), "--metrics-out"));
        Path existing = Files.writeString(dir.resolve("old.json"), "{}");
        assertDoesNotThrow(() -> OutputPaths.checkFile(existing, "--metrics-out"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(existing), files.toList(), "the check leaves nothing behind");
        }
    }

    @Test
    void aFolderWhereAFileIsMeantIsRefused() {
        assertTrue(fileProblem(dir).endsWith("is a folder; give a file name"));
    }

    @Test
    void aMissingFolderIsRefusedUnlessAskedToCreateIt() {
        Path deep = dir.resolve("a/b/metrics.json");
        assertTrue(fileProblem(deep).contains("does not exist (create it, or add --mkdirs)"));
        assertTrue(Files.notExists(dir.resolve("a")), "nothing created without --mkdirs");
        OutputPaths.checkFile(deep, "--metrics-out", true);
        assertTrue(Files.isDirectory(dir.resolve("a/b")));
    }

    @Test
    void aFileInTheWayOfTheFolderIsRefused() throws Exception {
        Files.writeString(dir.resolve("a"), "x");
        assertTrue(fileProblem(dir.resolve("a/m.json")).contains("is a file, not a folder"));
    }

    @Test
    void procAndDevicesAreRefused() {
        assertTrue(fileProblem(Path.of("/proc/x")).contains("cannot write in /proc"));
        assertTrue(fileProblem(Path.of("/dev/null")).contains("not a regular file"));
    }

    @Test
    void aReadOnlyFolderIsRefusedWhereTheUserCannotWriteIt() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if ("root".equals(System.getProperty("user.name"))) {
                // Root writes into read-only folders: refusing would stop a run that could save its results.
                assertDoesNotThrow(() -> OutputPaths.checkFile(ro.resolve("m.json"), "--metrics-out"));
            } else {
                assertTrue(fileProblem(ro.resolve("m.json")).contains("permission denied"));
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void foldersForWeights() throws Exception {
        assertDoesNotThrow(() -> OutputPaths.checkFolder(dir.resolve("weights"), "--save"));
        assertDoesNotThrow(() -> OutputPaths.checkFolder(dir, "--save"));
        Path file = Files.writeString(dir.resolve("taken"), "x");
        OutputPathException e = assertThrows(OutputPathException.class, () -> OutputPaths.checkFolder(file, "--save"));
        assertEquals("--save " + file + ": is a file, not a folder", e.getMessage());
        e = assertThrows(OutputPathException.class, () -> OutputPaths.checkFolder(dir.resolve("x/y/w"), "--save"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(OutputPathException.class, () -> OutputPaths.checkFolder(Path.of("/proc/w"), "--save"));
        assertTrue(e.getMessage().contains("cannot write in /proc"), e.getMessage());
    }
}
