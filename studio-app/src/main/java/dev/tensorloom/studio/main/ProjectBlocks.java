package dev.tensorloom.studio.main;

import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The saved blocks of the open project: those it embedded when it was saved (so it opens on a machine whose
 * block library lacks them), and, when saving, the blocks its groups were made from, looked up here or in the
 * user's library.
 */
public final class ProjectBlocks {
    private final ObservableMap<String, SavedBlock> embedded = FXCollections.observableMap(new TreeMap<>());
    private final ObservableMap<String, SavedBlock> embeddedView = FXCollections.unmodifiableObservableMap(embedded);
    private Function<String, Optional<SavedBlock>> library = id -> Optional.empty();

    /** Where blocks not embedded in the project are looked up (the user's library). */
    public void setLibrary(Function<String, Optional<SavedBlock>> lookup) {
        library = lookup;
    }

    /** A project was opened: its embedded blocks replace the last project's. */
    void loaded(Map<String, SavedBlock> blocks) {
        embedded.clear();
        embedded.putAll(blocks);
    }

    /** A block the project now uses (saved as, or inserted from the library). */
    public void add(SavedBlock block) {
        embedded.put(block.id(), block);
    }

    /** The blocks to embed when saving {@code doc}: every block one of its groups was made from. */
    Map<String, SavedBlock> embedFor(Document doc) {
        Map<String, SavedBlock> out = new TreeMap<>();
        for (Group g : doc.groups()) {
            if (g.block() != null && !out.containsKey(g.block())) {
                Optional<SavedBlock> b = Optional.ofNullable(embedded.get(g.block())).or(() -> library.apply(g.block()));
                b.ifPresent(block -> out.put(block.id(), block));
            }
        }
        return out;
    }

    /** The blocks the open project brought with it, by id. */
    public ObservableMap<String, SavedBlock> embedded() {
        return embeddedView;
    }
}
