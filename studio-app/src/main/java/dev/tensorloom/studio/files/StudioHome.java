package dev.tensorloom.studio.files;

import dev.tensorloom.execution.home.TensorloomHome;
import java.nio.file.Path;

/**
 * The folder where the studio keeps its own state: recent files, the window's placement and panel splits,
 * and autosave recovery. It is the user's {@link TensorloomHome}: {@code ~/.tensorloom} unless the system
 * property {@code tensorloom.home} names another (tests).
 */
public record StudioHome(Path root) {
    public static final String PROPERTY = TensorloomHome.PROPERTY;

    /** The home the system properties choose. */
    public static StudioHome current() {
        return new StudioHome(TensorloomHome.current().root());
    }

    public Path recentFiles() {
        return root.resolve("recent.json");
    }

    public Path windowPlacement() {
        return root.resolve("window.json");
    }

    /** Where the main window's panel dividers sat (see {@link PanelSplitsStore}). */
    public Path panelSplits() {
        return root.resolve("panels.json");
    }

    /** The interpreter chosen in Preferences → Python (see {@link PythonPreferenceStore}). */
    public Path pythonPreference() {
        return root.resolve("python.json");
    }

    /** The user's saved blocks, one file each (see {@link BlockLibrary}). */
    public Path blocksFolder() {
        return root.resolve("blocks");
    }

    public Path recoveryFolder() {
        return root.resolve("recovery");
    }
}
