package dev.tensorloom.studio.files;

import java.nio.file.Path;

/**
 * The folder where the studio keeps its own state: recent files, the window's placement and
 * autosave recovery. It is
 * {@code ~/.tensorloom} unless the system property {@code tensorloom.home} names another (tests).
 */
public record StudioHome(Path root) {
    public static final String PROPERTY = "tensorloom.home";

    /** The home the system properties choose. */
    public static StudioHome current() {
        String override = System.getProperty(PROPERTY);
        return new StudioHome(override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".tensorloom"));
    }

    public Path recentFiles() {
        return root.resolve("recent.json");
    }

    public Path windowPlacement() {
        return root.resolve("window.json");
    }

    public Path recoveryFolder() {
        return root.resolve("recovery");
    }
}
