package dev.tensorloom.execution.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folder an export writes into: refused when it is a file, not writable, or holds something (unless forced). */
final class ExportFolder {
    private ExportFolder() {
    }

    /** Checks {@code dir} and creates it, or empties it when {@code force} is set; throws before anything is written. */
    static void prepare(Path dir, boolean force) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExportException(null, dir + " is a file, not a folder");
        }
        if (Files.isDirectory(dir) && !PyTorchPackage.isEmptyFolder(dir)) {
            if (!force) {
                throw new ExportException(null, dir + " is not empty; choose an empty folder or pass --force to "
                        + "replace what it holds");
            }
            clear(dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExportException(null, "cannot create " + dir + ": " + reason(e));
        }
        if (!Files.isWritable(dir)) {
            throw new ExportException(null, dir + " is not writable");
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new ExportException(null, "cannot empty " + dir + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
    }
}
