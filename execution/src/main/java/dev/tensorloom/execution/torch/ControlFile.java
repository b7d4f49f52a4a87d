package dev.tensorloom.execution.torch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small JSON file through which the studio steers a running train.py: the state it should be in (run,
 * pause, stop) and the model attribute whose activations it should send. The child polls it between steps.
 */
final class ControlFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path path;

    ControlFile() throws IOException {
        this.path = Files.createTempFile("tensorloom-control", ".json");
    }

    Path path() {
        return path;
    }

    /**
     * Replaces the file in one move, so the child never reads half of it.
     *
     * @param state run, pause or stop; null leaves the child's state as it is
     * @param watchedAttribute the attribute to send activations of; null for none
     */
    void write(String state, String watchedAttribute) {
        try {
            ObjectNode control = JSON.createObjectNode();
            if (state != null) {
                control.put("state", state);
            }
            control.put("watch", watchedAttribute);
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(control));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the PyTorch engine's control file " + path, e);
        }
    }

    /** Deletes the file once the run has ended. */
    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file; the next start makes a new one
        }
    }
}
