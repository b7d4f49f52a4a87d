package dev.tensorloom.studio.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.model.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small JSON file of the studio's own settings (the window's placement, the panel splits), read and written
 * whole. A setting is a convenience: a missing or unreadable file reads as null and a failed write is logged, never
 * thrown. Writes replace the file in one step. File access: call off the FX thread.
 *
 * @param <T> the record stored
 */
public final class SettingsFile<T> {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Class<T> type;
    private final String what;

    /** @param what how log lines name the setting, e.g. "window placement" */
    public SettingsFile(Path file, Class<T> type, String what) {
        this.file = file;
        this.type = type;
        this.what = what;
    }

    /** The stored value, or null when there is none or it cannot be read. */
    public T load() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable {} {}: {}", what, file, e.getMessage());
            return null;
        }
    }

    /** Stores {@code value}, replacing the file in one step so a crash never leaves half of it. */
    public void save(T value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (IOException e) {
            LOG.warn("cannot store the {} in {}: {}", what, file, e.getMessage());
        }
    }
}
