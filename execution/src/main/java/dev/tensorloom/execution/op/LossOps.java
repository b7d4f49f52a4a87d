package dev.tensorloom.execution.op;

/** DJL implementations of the Loss block types. */
final class LossOps {
    private LossOps() {
    }

    static void register(OpRegistry registry) {
        // Filled in by the block family's own change.
    }
}
