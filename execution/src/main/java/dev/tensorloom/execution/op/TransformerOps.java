package dev.tensorloom.execution.op;

/** DJL implementations of the Transformer block types. */
final class TransformerOps {
    private TransformerOps() {
    }

    static void register(OpRegistry registry) {
        // Filled in by the block family's own change.
    }
}
