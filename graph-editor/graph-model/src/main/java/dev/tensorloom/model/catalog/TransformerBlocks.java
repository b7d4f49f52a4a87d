package dev.tensorloom.model.catalog;

/** The Transformer block types of the built-in library. */
final class TransformerBlocks {
    private TransformerBlocks() {
    }

    static void register(BlockCatalog catalog) {
        // Filled in by the block family's own change.
    }
}
