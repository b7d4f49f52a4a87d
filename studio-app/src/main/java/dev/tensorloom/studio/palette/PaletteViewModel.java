package dev.tensorloom.studio.palette;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.composite.SavedBlock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The block palette: the catalog's blocks in palette order (Data, Core, Transformer, State space,
 * Flow, Detection, Losses), filtered live by the search text; empty sections are left out.
 */
public final class PaletteViewModel {
    private final BlockCatalog catalog;
    private final Consumer<String> addBlock;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<PaletteSection> sections = FXCollections.observableArrayList();
    // One read-only view, kept: a fresh wrapper per call is held only weakly by the list it wraps,
    // so listeners added to it would be collected with it.
    private final ObservableList<PaletteSection> sectionsView = FXCollections.unmodifiableObservableList(sections);
    /** Saved blocks by the id of the palette entry made for each. */
    private final Map<String, SavedBlock> savedById = new LinkedHashMap<>();
    private ObservableList<SavedBlock> saved = FXCollections.observableArrayList();
    private Consumer<SavedBlock> insertSaved = b -> { };
    private Consumer<SavedBlock> deleteSaved = b -> { };

    /** {@code addBlock} adds a block by type id (the editor puts it in the middle of the view). */
    public PaletteViewModel(BlockCatalog catalog, Consumer<String> addBlock) {
        this.catalog = Objects.requireNonNull(catalog);
        this.addBlock = Objects.requireNonNull(addBlock);
        search.addListener((o, a, b) -> refresh());
        refresh();
    }

    /**
     * Lists the user's saved blocks under "My blocks" (last); {@code insert} adds a copy of one. Each entry shows
     * the block's ports and estimates as the catalog would (a block whose types this catalog lacks is left out).
     */
    public void setSavedBlocks(ObservableList<SavedBlock> blocks, Consumer<SavedBlock> insert,
            Consumer<SavedBlock> delete) {
        saved = Objects.requireNonNull(blocks);
        insertSaved = Objects.requireNonNull(insert);
        deleteSaved = Objects.requireNonNull(delete);
        blocks.addListener((ListChangeListener<SavedBlock>) c -> refresh());
        refresh();
    }

    private void refresh() {
        String query = search.get() == null ? "" : search.get().trim();
        List<BlockType> matching = query.isEmpty() ? catalog.all() : catalog.search(query);
        List<PaletteSection> next = new ArrayList<>();
        // The user's own blocks first: the palette is a virtualised tree, and a section at the end of ~80
        // built-in blocks would sit below the fold where a user who just saved one would not see it.
        List<BlockType> mine = savedTypes(query.toLowerCase(Locale.ROOT));
        if (!mine.isEmpty()) {
            next.add(new PaletteSection(BlockCategory.COMPOSITE, mine));
        }
        for (BlockCategory category : BlockCategory.values()) {
            List<BlockType> blocks = matching.stream()
                    .filter(t -> t.category() == category && !savedById.containsKey(t.id())).toList();
            if (!blocks.isEmpty()) {
                next.add(new PaletteSection(category, blocks));
            }
        }
        sections.setAll(next);
    }

    private List<BlockType> savedTypes(String query) {
        savedById.clear();
        List<BlockType> out = new ArrayList<>();
        for (SavedBlock b : saved) {
            if (!query.isEmpty() && !b.title().toLowerCase(Locale.ROOT).contains(query)) {
                continue;
            }
            try {
                BlockType type = b.type(catalog).blockType();
                savedById.put(type.id(), b);
                out.add(type);
            } catch (RuntimeException unknownTypes) {
                // Made with blocks this catalog does not have: nothing it could insert would work.
            }
        }
        return out;
    }

    /** Double-click or Enter on a block: adds a node of that type, or a copy of a saved block. */
    public void add(BlockType type) {
        SavedBlock block = savedById.get(type.id());
        if (block != null) {
            insertSaved.accept(block);
        } else {
            addBlock.accept(type.id());
        }
    }

    /** True for an entry of My blocks (a saved block), which its context menu can delete. */
    public boolean isSaved(BlockType type) {
        return savedById.containsKey(type.id());
    }

    /** "Delete from My blocks…" on a saved block's entry; nothing for a built-in block. */
    public void delete(BlockType type) {
        SavedBlock block = savedById.get(type.id());
        if (block != null) {
            deleteSaved.accept(block);
        }
    }

    /** Enter in the search box adds the only match, so keyboard users never need the mouse. */
    public void addSingleMatch() {
        List<BlockType> all = sections.stream().flatMap(s -> s.blocks().stream()).toList();
        if (all.size() == 1) {
            add(all.get(0));
        }
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<PaletteSection> sections() {
        return sectionsView;
    }

    /** How many blocks match; the view shows it next to the search box. */
    public int matchCount() {
        return sections.stream().mapToInt(s -> s.blocks().size()).sum();
    }
}
