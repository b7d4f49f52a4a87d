package dev.tensorloom.model.catalog;

/** The Core block types of the built-in library. */
final class CoreBlocks {
    private CoreBlocks() {
    }

    static void register(BlockCatalog catalog) {
        // Filled in by the block family's own change.
    }
}
