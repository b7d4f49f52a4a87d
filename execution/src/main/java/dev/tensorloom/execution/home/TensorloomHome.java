package dev.tensorloom.execution.home;

import java.nio.file.Path;

/**
 * The user's Tensorloom data folder: {@code ~/.tensorloom} unless the system property
 * {@code tensorloom.home} names another (tests). The studio keeps its state there (see studio-app's
 * StudioHome) and the managed Python environment lives in it; it is here, without JavaFX, so that the
 * command line and the studio find the same folders.
 */
public record TensorloomHome(Path root) {
    public static final String PROPERTY = "tensorloom.home";

    /** The home the system properties choose. */
    public static TensorloomHome current() {
        String override = System.getProperty(PROPERTY);
        return new TensorloomHome(override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".tensorloom"));
    }

    /** The default folder of the managed Python venv ({@code tensorloom python setup} without {@code --dir}). */
    public Path pythonEnvironment() {
        return root.resolve("python").resolve("venv");
    }
}
