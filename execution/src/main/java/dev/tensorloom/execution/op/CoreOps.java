package dev.tensorloom.execution.op;

/** DJL implementations of the Core block types. */
final class CoreOps {
    private CoreOps() {
    }

    static void register(OpRegistry registry) {
        // Filled in by the block family's own change.
    }
}
