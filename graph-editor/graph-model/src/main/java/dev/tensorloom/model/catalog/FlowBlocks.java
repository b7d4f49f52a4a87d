package dev.tensorloom.model.catalog;

/** The Flow block types of the built-in library. */
final class FlowBlocks {
    private FlowBlocks() {
    }

    static void register(BlockCatalog catalog) {
        // Filled in by the block family's own change.
    }
}
