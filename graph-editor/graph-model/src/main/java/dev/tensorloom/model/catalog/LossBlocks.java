package dev.tensorloom.model.catalog;

/** The Loss block types of the built-in library. */
final class LossBlocks {
    private LossBlocks() {
    }

    static void register(BlockCatalog catalog) {
        // Filled in by the block family's own change.
    }
}
