package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDList;

/** DJL implementations of the Data block types. */
final class DataOps {
    private DataOps() {
    }

    static void register(OpRegistry registry) {
        // The executor feeds the dataset field named by the node's `field` parameter to every source
        // itself and passes that tensor as inputs[0]; the op only hands it on unchanged.
        registry.register("input", params -> (ctx, inputs) -> new NDList(inputs.get(0)));
    }
}
