package dev.tensorloom.execution.torch;

import dev.tensorloom.execution.export.ExportProgress;
import dev.tensorloom.execution.export.ExportRequest;
import dev.tensorloom.execution.export.PyTorchPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Exported packages the PyTorch engine trains from, kept by what they were made from (the project's
 * contents and the run's settings), so a second run of an unchanged project reuses its package instead
 * of exporting again. A package is written beside its final place and renamed into it when complete.
 */
public final class PackageCache {
    /** Bump when the exporter's output changes, so older cached packages are not reused. */
    static final String FORMAT = "pytorch-package-1";
    private final Path root;

    public PackageCache(Path root) {
        this.root = root;
    }

    /** Under the system's temporary folder. */
    public static PackageCache standard() {
        return new PackageCache(Path.of(System.getProperty("java.io.tmpdir"), "tensorloom-pytorch-packages"));
    }

    /**
     * The package for {@code request} (its {@code out} is ignored): reused when one made from the same project
     * contents and settings exists, else exported now.
     *
     * @param contents what identifies the project's contents (its file bytes or its JSON)
     */
    public Path packageFor(ExportRequest request, String contents, ExportProgress progress) throws IOException {
        String key = key(contents + "\n" + request.options() + "\n" + request.weights() + "\n" + FORMAT);
        Path folder = root.resolve(key);
        if (Files.isRegularFile(folder.resolve(".complete"))) {
            progress.update("reusing the exported package " + folder, 1.0);
            return folder;
        }
        Files.createDirectories(root);
        Path partial = Files.createTempDirectory(root, ".partial-");
        try {
            ExportRequest here = new ExportRequest(request.document(), request.title(), request.projectHash(),
                    request.options(), request.weights(), partial, true);
            PyTorchPackage.standard().write(here, progress);
            Files.writeString(partial.resolve(".complete"), key + "\n");
            try {
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                // another run made the same package meanwhile: use that one
                if (!Files.isRegularFile(folder.resolve(".complete"))) {
                    throw e;
                }
            }
            return folder;
        } finally {
            delete(partial);
        }
    }

    static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
