package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Helpers that keep arrays derived from parameters in the node's own manager. */
final class CoreArrays {
    private CoreArrays() {
    }

    /**
     * A per-channel vector reshaped to [C, 1, ..., 1] so it broadcasts over dimension 1 of a rank-{@code rank}
     * input. Reshaping a parameter would put the view in the parameter manager, where it would live until
     * the model closes; attaching it to the node's manager frees it with the node's activations.
     */
    static NDArray perChannel(OpContext ctx, NDArray vector, int rank) {
        long[] dims = new long[rank - 1];
        java.util.Arrays.fill(dims, 1);
        dims[0] = vector.size();
        NDArray view = vector.reshape(new Shape(dims));
        view.attach(ctx.manager());
        return view;
    }

    /** The last dimension of {@code shape}. */
    static long last(Shape shape) {
        return shape.get(shape.dimension() - 1);
    }

    /** A non-negative axis for {@code axis} in a tensor of {@code rank}. */
    static int axis(long axis, int rank) {
        long a = axis < 0 ? rank + axis : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is outside a tensor of rank " + rank);
        }
        return (int) a;
    }
}
