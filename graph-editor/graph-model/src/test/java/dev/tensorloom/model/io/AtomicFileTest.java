package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSavedFileKeepsThePermissionsItHad() throws Exception {
        for (String mode : List.of("rw-r--r--", "rw-rw-r--", "rw-r-----", "rwxr-xr-x")) {
            Path file = dir.resolve("shared.tlm");
            Files.writeString(file, "old");
            Set<PosixFilePermission> before = PosixFilePermissions.fromString(mode);
            Files.setPosixFilePermissions(file, before);
            AtomicFile.write(file, "new".getBytes(StandardCharsets.UTF_8));
            assertEquals(before, Files.getPosixFilePermissions(file), mode);
            assertEquals("new", Files.readString(file));
        }
    }

    @Test
    void aNewFileGetsWhatTheUmaskGivesAnyNewFile() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path saved = dir.resolve("saved.json");
        AtomicFile.write(saved, new byte[] {1});
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(saved));
        assertTrue(Files.getPosixFilePermissions(saved).contains(PosixFilePermission.OTHERS_READ)
                || !Files.getPosixFilePermissions(plain).contains(PosixFilePermission.OTHERS_READ),
                "not owner-only unless the umask says so");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemp() throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("m.json"), names());
    }

    @Test
    void staleTempsOfEarlierCrashesGoAtTheNextSaveButNewerOnesStay() throws Exception {
        Path file = dir.resolve("model.tlm");
        Files.writeString(file, "v1");
        Path stale = Files.writeString(dir.resolve(".model.tlm.123.tmp"), "half");
        Path empty = Files.createFile(dir.resolve(".model.tlm.456.tmp"));
        Instant old = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(stale, FileTime.from(old));
        Files.setLastModifiedTime(empty, FileTime.from(old));
        // Another process's save in progress: newer than anything this save writes.
        Path busy = Files.writeString(dir.resolve(".model.tlm.789.tmp"), "in progress");
        Files.setLastModifiedTime(busy, FileTime.from(Instant.now().plusSeconds(60)));
        Path otherFiles = Files.writeString(dir.resolve(".other.tlm.1.tmp"), "not ours");
        Files.setLastModifiedTime(otherFiles, FileTime.from(old));

        AtomicFile.write(file, "v2".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(".model.tlm.789.tmp", ".other.tlm.1.tmp", "model.tlm"), names());
        assertArrayEquals("v2".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void writesIntoASymlinkedFolder() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        AtomicFile.write(link.resolve("a.json"), new byte[] {42});
        try (Stream<Path> files = Files.list(real)) {
            assertEquals(List.of(real.resolve("a.json")), files.toList());
        }
    }

    @Test
    void aSymlinkedFileStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path real = Files.writeString(dir.resolve("real.tlm"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.tlm"), real);
        AtomicFile.write(link, "new".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertFalse(Files.exists(dir.resolve(".link.tlm.tmp")));
        assertEquals(List.of("link.tlm", "real.tlm"), names());
    }
}
