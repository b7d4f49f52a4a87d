package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.TensorType;
import java.util.Map;

/** Computes a node's {@link Estimate} from its parameters and its inferred input and output types. */
@FunctionalInterface
public interface Estimator {
    Estimate estimate(Params params, Map<String, TensorType> inputs, Map<String, TensorType> outputs);

    /**
     * No parameters; FLOPs = one per output element; activations = the outputs themselves. Suits
     * element-wise blocks.
     */
    Estimator ELEMENTWISE = (params, inputs, outputs) -> {
        long elements = 0;
        long bytes = 0;
        boolean exact = true;
        for (TensorType t : outputs.values()) {
            long e = t.elementsPerExample(1);
            elements += e;
            bytes += e * t.dtype().bytes();
            exact &= t.isConcreteAfterBatch();
        }
        return new Estimate(0, elements, bytes, exact);
    };
}
