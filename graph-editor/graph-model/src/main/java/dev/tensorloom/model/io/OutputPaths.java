package dev.tensorloom.model.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that a command will be able to write what it was asked to write at
 * the end: a run of an hour must not be lost because its output path was a typo. Each check names the
 * option and the path in a one-line {@link OutputPathException}.
 *
 * <p>The rule for missing folders: the file or folder named is created, the folders above it are not,
 * unless the caller passes {@code mkdirs} (the command line's {@code --mkdirs}), in which case they are
 * created at once.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** {@link #checkFile(Path, String, boolean)} without creating missing folders. */
    public static void checkFile(Path file, String option) {
        checkFile(file, option, false);
    }

    /**
     * Checks a file that will be written (replaced atomically) later: it is not a folder or a device, it is
     * not read-only, and its folder exists (or is created now when {@code mkdirs}) and takes new files.
     */
    public static void checkFile(Path file, String option, boolean mkdirs) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw fail(option, file, "is a folder; give a file name");
        }
        if (Files.exists(target)) {
            if (!Files.isRegularFile(target)) {
                throw fail(option, file, "exists and is not a regular file; give a file name");
            }
            if (!Files.isWritable(target)) {
                throw fail(option, file, "is read-only");
            }
        }
        Path folder = target.getParent();
        if (folder == null) {
            throw fail(option, file, "has no folder to write in");
        }
        requireFolder(option, file, folder, mkdirs);
        probe(option, file, folder);
    }

    /** {@link #checkFolder(Path, String, boolean)} without creating missing folders above it. */
    public static void checkFolder(Path folder, String option) {
        checkFolder(folder, option, false);
    }

    /**
     * Checks a folder that files will be written into later: it is a folder (not a file) that takes new
     * files, or it does not exist yet and its parent does (or is created now when {@code mkdirs}).
     */
    public static void checkFolder(Path folder, String option, boolean mkdirs) {
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw fail(option, folder, "is a file, not a folder");
            }
            probe(option, folder, target);
            return;
        }
        Path parent = target.getParent();
        if (parent == null) {
            throw fail(option, folder, "cannot be created");
        }
        requireFolder(option, folder, parent, mkdirs);
        probe(option, folder, parent);
    }

    private static void requireFolder(String option, Path given, Path folder, boolean mkdirs) {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (Files.exists(folder)) {
            throw fail(option, given, folder + " is a file, not a folder");
        }
        if (!mkdirs) {
            throw fail(option, given, "the folder " + folder + " does not exist (create it, or add --mkdirs)");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw fail(option, given, "cannot create the folder " + folder + " (" + reason(e) + ")");
        }
    }

    /** Creates and deletes a file in {@code folder}: the only honest test of writability (root ignores modes). */
    private static void probe(String option, Path given, Path folder) {
        Path probe = null;
        try {
            probe = Files.createTempFile(folder, ".tensorloom-probe.", ".tmp");
        } catch (IOException | UnsupportedOperationException e) {
            throw fail(option, given, "cannot write in " + folder + " (" + reason(e) + ")");
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // An empty probe file left behind does no harm; the folder is writable, which was the question.
                }
            }
        }
    }

    /** Why the file system said no, in words (the exceptions name only the path). */
    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "the file system takes no new files there";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static OutputPathException fail(String option, Path given, String problem) {
        return new OutputPathException(option + " " + given + ": " + problem);
    }
}
