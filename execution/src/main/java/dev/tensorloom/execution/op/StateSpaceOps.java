package dev.tensorloom.execution.op;

/** DJL implementations of the StateSpace block types. */
final class StateSpaceOps {
    private StateSpaceOps() {
    }

    static void register(OpRegistry registry) {
        // Filled in by the block family's own change.
    }
}
