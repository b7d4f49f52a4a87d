package dev.tensorloom.model.catalog;

/** The Core block types of the built-in library, registered family by family. */
final class CoreBlocks {
    private CoreBlocks() {
    }

    static void register(BlockCatalog catalog) {
        CoreLayerBlocks.register(catalog);
        CoreSpatialBlocks.register(catalog);
        CoreTensorBlocks.register(catalog);
        CoreNormBlocks.register(catalog);
        CoreActivationBlocks.register(catalog);
    }
}
