package dev.tensorloom.studio.python;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a view model calls when it needs Python with torch: {@link PythonEnvironmentService#require} in the
 * studio (which may offer the setup dialog first), a fixed interpreter or a refusal in tests.
 */
@FunctionalInterface
public interface PythonRequirement {
    /**
     * Calls {@code onReady} with an interpreter that fits, or {@code onUnavailable} with the sentence to show,
     * both on the UI thread. Called on the UI thread.
     *
     * @param purpose what needs it, as the start of a sentence ("Exporting to ONNX")
     */
    void require(String purpose, Consumer<Path> onReady, Consumer<String> onUnavailable);
}
