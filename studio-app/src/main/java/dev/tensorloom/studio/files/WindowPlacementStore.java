package dev.tensorloom.studio.files;

import java.nio.file.Path;

/** Keeps the main window's {@link WindowPlacement} in a small JSON file in the studio home. */
public final class WindowPlacementStore {
    private final SettingsFile<WindowPlacement> file;

    public WindowPlacementStore(Path store) {
        this.file = new SettingsFile<>(store, WindowPlacement.class, "window placement");
    }

    /** The stored placement, or null when there is none or it cannot be read (placement is a convenience). */
    public WindowPlacement load() {
        return file.load();
    }

    /** Stores {@code placement}, replacing the file in one step so a crash never leaves half of it. */
    public void save(WindowPlacement placement) {
        file.save(placement);
    }
}
