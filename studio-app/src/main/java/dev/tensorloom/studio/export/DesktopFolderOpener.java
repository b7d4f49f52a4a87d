package dev.tensorloom.studio.export;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;

/**
 * Opens folders with {@link java.awt.Desktop}. Where there is no desktop (headless, or no file manager
 * registered) it says so in a sentence instead of failing.
 */
public final class DesktopFolderOpener implements FolderOpener {
    @Override
    public void open(Path folder) throws Exception {
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException("this system offers no way to open folders from Java");
        }
        Desktop.getDesktop().open(folder.toFile());
    }
}
