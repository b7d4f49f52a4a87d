package dev.tensorloom.studio.files;

import java.nio.file.Path;

/**
 * Keeps the main window's {@link PanelSplits} in a small JSON file in the studio home, beside the window's
 * placement. File access: call off the FX thread.
 */
public final class PanelSplitsStore {
    private final SettingsFile<PanelSplits> file;

    public PanelSplitsStore(Path store) {
        this.file = new SettingsFile<>(store, PanelSplits.class, "panel splits");
    }

    /** The stored splits made sane ({@link PanelSplits#restore}); the default when none or unreadable. */
    public PanelSplits load() {
        return PanelSplits.restore(file.load());
    }

    /** Stores the splits, replacing the file in one step. */
    public void save(PanelSplits splits) {
        file.save(splits);
    }
}
