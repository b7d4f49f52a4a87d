package dev.tensorloom.studio.files;

import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectFileException;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.model.io.ProjectWriter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user's saved blocks: one file per block in a folder of the studio home, each a project file that holds
 * nothing but the block in its {@code blocks} section ({@value #EXTENSION}), so blocks are read, migrated and
 * checked exactly like projects, and written atomically the same way. A file that cannot be read is skipped
 * and named in {@link Listing#problems()}; it never hides the others.
 */
public final class BlockLibrary {
    /** Extension of a saved block's file. */
    public static final String EXTENSION = ".tlb";

    private final Path folder;

    public BlockLibrary(Path folder) {
        this.folder = folder;
    }

    /**
     * What the folder holds.
     *
     * @param blocks   readable blocks by id
     * @param problems one located message per file that could not be read
     */
    public record Listing(Map<String, SavedBlock> blocks, List<String> problems) {
        public Listing {
            blocks = Map.copyOf(blocks);
            problems = List.copyOf(problems);
        }
    }

    /** Reads every block file in the folder (none when the folder does not exist yet); call off the UI thread. */
    public Listing list() {
        Map<String, SavedBlock> blocks = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Listing(blocks, problems);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
            for (Path file : files) {
                try {
                    blocks.putAll(ProjectReader.read(file).blocks());
                } catch (ProjectFileException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add(folder + ": " + e.getMessage());
        }
        return new Listing(blocks, problems);
    }

    /** Writes a block to its own file ({@code id.tlb}), replacing an older one with that id; off the UI thread. */
    public Path save(SavedBlock block) throws IOException, ProjectFileException {
        Files.createDirectories(folder);
        Path file = folder.resolve(block.id() + EXTENSION);
        ProjectWriter.write(new Project(block.title(), new Document(), Map.of(block.id(), block)), file);
        return file;
    }

    /**
     * Deletes the library's file of block {@code id} (the one {@link #save} wrote, or another file holding only
     * that block); true when one was deleted. Projects that use the block keep their embedded copy. Off the UI
     * thread.
     */
    public boolean delete(String id) throws IOException {
        Path own = folder.resolve(id + EXTENSION);
        if (Files.deleteIfExists(own)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
            for (Path file : files) {
                try {
                    Map<String, SavedBlock> held = ProjectReader.read(file).blocks();
                    if (held.size() == 1 && held.containsKey(id)) {
                        Files.delete(file);
                        return true;
                    }
                } catch (ProjectFileException unreadable) {
                    // Not this block's file; list() reports it.
                }
            }
        }
        return false;
    }

    public Path folder() {
        return folder;
    }
}
