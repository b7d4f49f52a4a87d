package dev.tensorloom.execution.op;

/** DJL implementations of the Core block types, registered family by family. */
final class CoreOps {
    private CoreOps() {
    }

    static void register(OpRegistry registry) {
        CoreLayerOps.register(registry);
        CoreSpatialOps.register(registry);
        CoreTensorOps.register(registry);
        CoreNormOps.register(registry);
        CoreActivationOps.register(registry);
    }
}
