package dev.tensorloom.execution.op;

/** DJL implementations of the Data block types. */
final class DataOps {
    private DataOps() {
    }

    static void register(OpRegistry registry) {
        // Filled in by the block family's own change.
    }
}
