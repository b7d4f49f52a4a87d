package dev.tensorloom.studio.export;

import java.nio.file.Path;

/** Shows a folder in the system's file manager; the studio's is {@link DesktopFolderOpener}, tests record the call. */
@FunctionalInterface
public interface FolderOpener {
    /**
     * Opens {@code folder}; called on a background thread (a file manager may take a while to answer).
     *
     * @throws Exception with the sentence to show when this system cannot open folders
     */
    void open(Path folder) throws Exception;
}
