package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves a {@link ParameterOptimizer}'s own state (Adam's moments, SGD's momentum buffers, the step counts)
 * to host bytes ({@link OptimizerState}) and back, so a saved run continues with the same update the
 * uninterrupted run would have taken.
 */
final class OptimizerStates {
    private OptimizerStates() {
    }

    /**
     * @param kind    the optimizer's name ({@code sgd}, {@code adam}, {@code adamw})
     * @param updates the optimisation steps taken; every parameter was updated that many times
     */
    static OptimizerState export(String kind, long updates, ParameterOptimizer optimizer) {
        Map<String, Long> steps = optimizer.steps();
        Map<String, List<byte[]>> slots = new java.util.LinkedHashMap<>();
        optimizer.state().forEach((key, arrays) -> {
            long taken = steps.getOrDefault(key, 0L);
            if (taken != updates) {
                throw new IllegalStateException(key + " was updated " + taken + " times in " + updates + " steps");
            }
            List<byte[]> encoded = new ArrayList<>(arrays.size());
            arrays.forEach(a -> encoded.add(a.encode()));
            slots.put(key, encoded);
        });
        return new OptimizerState(kind, updates, slots);
    }

    /**
     * Restores {@code state} into a fresh {@code optimizer} of the same kind.
     *
     * @param parameters the model's parameters by key; every saved slot must belong to one and have its shape
     * @throws IllegalArgumentException when the state is of another optimizer or does not fit the parameters
     */
    static void restore(OptimizerState state, String kind, ParameterOptimizer optimizer,
            Map<String, NDArray> parameters, NDManager scratch) {
        if (!state.kind().equalsIgnoreCase(kind)) {
            throw new IllegalArgumentException("the saved optimizer is " + state.kind() + ", this run uses " + kind);
        }
        state.slots().forEach((key, encoded) -> {
            NDArray weight = parameters.get(key);
            if (weight == null) {
                throw new IllegalArgumentException("the saved optimizer state has " + key
                        + ", which this model does not have");
            }
            List<NDArray> arrays = new ArrayList<>(encoded.size());
            for (byte[] bytes : encoded) {
                NDArray a = NDArray.decode(scratch, bytes);
                if (!a.getShape().equals(weight.getShape()) || a.getDataType() != weight.getDataType()) {
                    throw new IllegalArgumentException("the saved optimizer state of " + key + " has shape "
                            + a.getShape() + ", the parameter has " + weight.getShape());
                }
                arrays.add(a);
            }
            // The optimizer copies the arrays into its own manager, so the scratch ones may go.
            optimizer.restore(key, arrays, state.updates());
        });
    }
}
