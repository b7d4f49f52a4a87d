package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.TensorType;
import java.util.Map;

/**
 * Small pieces the Core and Data estimators share: output bytes, element counts and exactness, with
 * unknown dimensions counted as 1 (and the estimate then marked inexact).
 */
final class CoreEstimates {
    private CoreEstimates() {
    }

    /** Elements per example over all outputs. */
    static long outputElements(Map<String, TensorType> outputs) {
        long n = 0;
        for (TensorType t : outputs.values()) {
            n += t.elementsPerExample(1);
        }
        return n;
    }

    /** Activation bytes per example: output elements times their element size. */
    static long outputBytes(Map<String, TensorType> outputs) {
        long n = 0;
        for (TensorType t : outputs.values()) {
            n += t.elementsPerExample(1) * t.dtype().bytes();
        }
        return n;
    }

    /** Whether the named input is present and every type involved is known after the batch dimension. */
    static boolean exact(Map<String, TensorType> inputs, String port, Map<String, TensorType> outputs) {
        TensorType in = inputs.get(port);
        return in != null && in.isConcreteAfterBatch() && !outputs.isEmpty()
                && outputs.values().stream().allMatch(TensorType::isConcreteAfterBatch);
    }

    /** The size of the input's dimension {@code axis} (negative counts from the end), else {@code fallback}. */
    static long inputDim(Map<String, TensorType> inputs, String port, int axis, long fallback) {
        TensorType in = inputs.get(port);
        if (in == null || in.rank() <= (axis < 0 ? -axis - 1 : axis)) {
            return fallback;
        }
        return in.dim(axis).sizeOr(fallback);
    }

    /** No parameters; {@code flopsPerElement} operations per output element; the outputs as activations. */
    static Estimator perOutputElement(double flopsPerElement) {
        return (params, inputs, outputs) -> new Estimate(0, flopsPerElement * outputElements(outputs),
                outputBytes(outputs), exact(inputs, firstPort(inputs), outputs));
    }

    private static String firstPort(Map<String, TensorType> inputs) {
        return inputs.isEmpty() ? "in" : inputs.keySet().iterator().next();
    }
}
