package dev.tensorloom.studio.files;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.model.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The most recently opened or saved project files, newest first, kept in a small JSON file. */
public final class RecentFiles {
    public static final int LIMIT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The stored list; a missing or unreadable store is an empty list (recent files are a convenience). */
    public List<Path> load() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            List<String> names = JSON.readValue(store.toFile(), new TypeReference<List<String>>() { });
            return names.stream().map(Path::of).limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable recent files list {}: {}", store, e.getMessage());
            return List.of();
        }
    }

    /** Puts {@code file} first (once), keeps at most {@link #LIMIT}, stores and returns the new list. */
    public List<Path> add(List<Path> current, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>();
        next.add(absolute);
        current.stream().filter(p -> !p.equals(absolute)).limit(LIMIT - 1L).forEach(next::add);
        save(next);
        return List.copyOf(next);
    }

    /** Drops {@code files} (for example those that no longer exist) in one write; stores and returns the new list. */
    public List<Path> removeAll(List<Path> current, java.util.Collection<Path> files) {
        List<Path> next = new ArrayList<>(current);
        files.forEach(f -> next.remove(f.toAbsolutePath().normalize()));
        save(next);
        return List.copyOf(next);
    }

    private void save(List<Path> files) {
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            AtomicFile.write(store, JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(files.stream().map(Path::toString).toList()));
        } catch (IOException e) {
            LOG.warn("cannot store recent files in {}: {}", store, e.getMessage());
        }
    }
}
