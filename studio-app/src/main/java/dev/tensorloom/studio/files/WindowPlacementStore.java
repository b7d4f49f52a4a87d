package dev.tensorloom.studio.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.model.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the main window's {@link WindowPlacement} in a small JSON file in the studio home. */
public final class WindowPlacementStore {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacementStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path store;

    public WindowPlacementStore(Path store) {
        this.store = store;
    }

    /** The stored placement, or null when there is none or it cannot be read (placement is a convenience). */
    public WindowPlacement load() {
        if (!Files.isRegularFile(store)) {
            return null;
        }
        try {
            return JSON.readValue(store.toFile(), WindowPlacement.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable window placement {}: {}", store, e.getMessage());
            return null;
        }
    }

    /** Stores {@code placement}, replacing the file in one step so a crash never leaves half of it. */
    public void save(WindowPlacement placement) {
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            AtomicFile.write(store, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(placement));
        } catch (IOException e) {
            LOG.warn("cannot store the window placement in {}: {}", store, e.getMessage());
        }
    }
}
