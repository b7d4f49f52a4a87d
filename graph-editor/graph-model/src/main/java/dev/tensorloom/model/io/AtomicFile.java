package dev.tensorloom.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file in one step, so that a crash at any moment leaves either the old or the new file, byte
 * for byte. The bytes go to a temporary file {@code .NAME.<random>.tmp} in the same folder, which is
 * flushed to disk and then renamed over the target.
 *
 * <p>The new file keeps the old one's permissions (a shared project stays readable to colleagues); a
 * file that did not exist gets the permissions the umask gives any new file. The temporary file is
 * removed on every error path, and after each successful save the temporary files a crash left beside
 * the target earlier are removed too: only ones older than the file just saved, so another process's
 * save in progress is never touched.
 */
public final class AtomicFile {
    private static final String TEMP_SUFFIX = ".tmp";

    /** Writes the content into the stream it is given; the stream is flushed and closed afterwards. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code bytes} to {@code target}, replacing it atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} produces to {@code target}, replacing it atomically. The folder must
     * exist. On failure the target is untouched and no temporary file is left.
     */
    public static void write(Path target, Content content) throws IOException {
        // Through a symbolic link to the file it names: renaming over the link would replace it with a copy.
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = file.getParent();
        Path temp = createTemp(dir, file.getFileName().toString());
        boolean moved = false;
        try {
            copyPermissions(file, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp, file);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
        syncFolder(dir);
        removeStaleTemps(file);
    }

    /** The temporary files a save of {@code target} creates match this name pattern (glob). */
    public static String tempGlob(Path target) {
        return "." + target.getFileName() + ".*" + TEMP_SUFFIX;
    }

    /**
     * Deletes the temporary files of earlier, interrupted saves of {@code target} that are older than it.
     * Best effort: a file that cannot be listed or deleted stays, and the next save tries again.
     */
    public static void removeStaleTemps(Path target) {
        Path file = target.toAbsolutePath();
        FileTime saved;
        try {
            saved = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(file.getParent(), tempGlob(file))) {
            for (Path t : temps) {
                try {
                    if (Files.isRegularFile(t) && Files.getLastModifiedTime(t).compareTo(saved) < 0) {
                        Files.deleteIfExists(t);
                    }
                } catch (IOException e) {
                    // Left for the next save: a stray temp file is untidy, never harmful.
                }
            }
        } catch (IOException e) {
            // As above.
        }
    }

    /** A new, empty temporary file beside the target, with the permissions the umask gives new files. */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())
                    + TEMP_SUFFIX);
            try {
                // No file attributes: the mode is 0666 less the umask, like any file the user creates.
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view == null || !Files.isRegularFile(from)) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        Files.setPosixFilePermissions(to, permissions);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // The same folder is the same file system; this only happens on exotic mounts.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable. Not every platform can open a folder; there it is skipped. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data is flushed; only the rename may wait for the file system's own commit.
        }
    }
}
