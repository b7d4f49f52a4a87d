package dev.tensorloom.studio.palette;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
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

    /** {@code addBlock} adds a block by type id (the editor puts it in the middle of the view). */
    public PaletteViewModel(BlockCatalog catalog, Consumer<String> addBlock) {
        this.catalog = Objects.requireNonNull(catalog);
        this.addBlock = Objects.requireNonNull(addBlock);
        search.addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        String query = search.get() == null ? "" : search.get().trim();
        List<BlockType> matching = query.isEmpty() ? catalog.all() : catalog.search(query);
        List<PaletteSection> next = new ArrayList<>();
        for (BlockCategory category : BlockCategory.values()) {
            List<BlockType> blocks = matching.stream().filter(t -> t.category() == category).toList();
            if (!blocks.isEmpty()) {
                next.add(new PaletteSection(category, blocks));
            }
        }
        sections.setAll(next);
    }

    /** Double-click or Enter on a block. */
    public void add(BlockType type) {
        addBlock.accept(type.id());
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
