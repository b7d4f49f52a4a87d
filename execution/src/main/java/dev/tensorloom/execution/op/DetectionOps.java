package dev.tensorloom.execution.op;

/** DJL implementations of the Detection block types. */
final class DetectionOps {
    private DetectionOps() {
    }

    static void register(OpRegistry registry) {
        // Filled in by the block family's own change.
    }
}
