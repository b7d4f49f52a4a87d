package dev.tensorloom.studio.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Python interpreter chosen in Preferences, kept in {@code python.json} in the studio home. Empty
 * means automatic: {@code TENSORLOOM_PYTHON}, then the managed environment, then {@code python3}. File
 * access: call off the FX thread.
 */
public final class PythonPreferenceStore {
    private static final Logger LOG = LoggerFactory.getLogger(PythonPreferenceStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path store;

    public PythonPreferenceStore(Path store) {
        this.store = store;
    }

    /** The chosen interpreter, or empty for automatic (also when the file cannot be read: it is a convenience). */
    public Optional<Path> interpreter() {
        if (!Files.isRegularFile(store)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(store.toFile());
            String text = root.path("interpreter").asText("");
            return text.isBlank() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable Python preference {}: {}", store, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores the choice (empty for automatic), replacing the file in one step. */
    public void setInterpreter(Optional<Path> interpreter) {
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            ObjectNode root = JSON.createObjectNode();
            interpreter.ifPresentOrElse(p -> root.put("interpreter", p.toString()), () -> root.putNull("interpreter"));
            Path partial = store.resolveSibling(store.getFileName() + ".partial");
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), root);
            Files.move(partial, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the Python preference in " + store, e);
        }
    }
}
