package dev.tensorloom.model.catalog;

/** The Detection block types of the built-in library. */
final class DetectionBlocks {
    private DetectionBlocks() {
    }

    static void register(BlockCatalog catalog) {
        // Filled in by the block family's own change.
    }
}
