package dev.tensorloom.model.catalog;

/** The StateSpace block types of the built-in library. */
final class StateSpaceBlocks {
    private StateSpaceBlocks() {
    }

    static void register(BlockCatalog catalog) {
        // Filled in by the block family's own change.
    }
}
