package dev.tensorloom.model.io;

import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A loaded or about-to-be-saved project: its display name, the document, the saved blocks embedded in it (by
 * id; those its groups were made from, so it opens where the user's block library lacks them), and the
 * warnings reading it gave (each names the file, line and column: fields it did not know and that a save
 * would drop).
 */
public record Project(String name, Document document, Map<String, SavedBlock> blocks, List<String> warnings) {
    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
        blocks = Map.copyOf(Objects.requireNonNullElse(blocks, Map.of()));
        warnings = List.copyOf(Objects.requireNonNullElse(warnings, List.of()));
        blocks.forEach((id, b) -> {
            if (!id.equals(b.id())) {
                throw new IllegalArgumentException("block filed as '" + id + "' has id '" + b.id() + "'");
            }
        });
    }

    /** A project that gave no warnings, with these embedded blocks. */
    public Project(String name, Document document, Map<String, SavedBlock> blocks) {
        this(name, document, blocks, List.of());
    }

    /** A project with no embedded blocks that gave no warnings (made in the studio, or about to be saved). */
    public Project(String name, Document document) {
        this(name, document, Map.of());
    }

    /** Embedded blocks sorted by id. */
    public Map<String, SavedBlock> sortedBlocks() {
        return new TreeMap<>(blocks);
    }
}
