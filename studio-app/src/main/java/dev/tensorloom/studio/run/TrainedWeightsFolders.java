package dev.tensorloom.studio.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where runs save their trained weights: one temporary folder per run under one folder of this studio
 * process, all deleted when the studio exits (they are copied into an export when the user exports them).
 */
public final class TrainedWeightsFolders {
    private static Path root;

    private TrainedWeightsFolders() {
    }

    /** A new empty folder for one run's weights; call off the UI thread. */
    public static synchronized Path next() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("tensorloom-trained-");
            Path made = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made), "tensorloom-trained-cleanup"));
        }
        return Files.createTempDirectory(root, "run-");
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // the system's temporary folder is cleaned eventually; nothing the user made is lost
        }
    }
}
