package dev.tensorloom.execution.op;

/** DJL implementations of the Flow block types. */
final class FlowOps {
    private FlowOps() {
    }

    static void register(OpRegistry registry) {
        // Filled in by the block family's own change.
    }
}
