package dev.tensorloom.studio.files;

import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectFileException;
import dev.tensorloom.model.io.ProjectFormat;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.model.io.ProjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The autosave copy of unsaved work. One file, written atomically while the studio runs and
 * deleted when the work is saved or deliberately discarded; finding it at start means the last
 * session ended without that, so the studio offers to restore it.
 */
public final class RecoveryStore {
    private final Path folder;

    public RecoveryStore(Path folder) {
        this.folder = folder;
    }

    public Path file() {
        return folder.resolve("autosave" + ProjectFormat.EXTENSION);
    }

    public void write(Project project) throws ProjectFileException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ProjectFileException(folder + ": cannot create the recovery folder (" + e.getMessage() + ")", e);
        }
        ProjectWriter.write(project, file());
    }

    public boolean exists() {
        return Files.isRegularFile(file());
    }

    /** The recovered project, if a recovery file is present. */
    public Optional<Project> read() throws ProjectFileException {
        return exists() ? Optional.of(ProjectReader.read(file())) : Optional.empty();
    }

    public void delete() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            // A stale copy only means the restore offer comes once more; nothing is lost.
        }
    }
}
