package dev.tensorloom.studio.palette;

import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import java.util.List;

/** One heading of the palette and the blocks under it that match the search. */
public record PaletteSection(BlockCategory category, List<BlockType> blocks) {
    public PaletteSection {
        blocks = List.copyOf(blocks);
    }

    /** The heading: the category's name; saved blocks are the user's own, "My blocks". */
    public String title() {
        return category == BlockCategory.COMPOSITE ? "My blocks" : category.title();
    }
}
