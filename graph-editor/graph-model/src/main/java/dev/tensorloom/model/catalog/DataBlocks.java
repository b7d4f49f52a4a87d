package dev.tensorloom.model.catalog;

/** The Data block types of the built-in library. */
final class DataBlocks {
    private DataBlocks() {
    }

    static void register(BlockCatalog catalog) {
        // Filled in by the block family's own change.
    }
}
