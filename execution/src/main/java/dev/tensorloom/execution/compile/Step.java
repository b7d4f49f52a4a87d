package dev.tensorloom.execution.compile;

import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Params;
import java.util.List;
import java.util.Optional;

/**
 * One node of a compiled plan, at position {@code index} of the topological order.
 *
 * @param inputs for each input port of the block type, in declared order, its producer, or empty when
 *               an optional port is unconnected
 * @param op     the node's implementation; {@code null} for {@link BlockType.Role#SOURCE} steps, whose
 *               output is the batch field named by their {@code field} parameter
 */
public record Step(int index, String nodeId, BlockType type, Params params, BlockOp op,
        List<Optional<InputRef>> inputs, int outputCount) {

    public Step {
        inputs = List.copyOf(inputs);
    }

    public boolean isSource() {
        return type.role() == BlockType.Role.SOURCE;
    }

    public boolean isLoss() {
        return type.role() == BlockType.Role.LOSS;
    }

    /** The dataset field a source step reads. */
    public String field() {
        return params.getString("field");
    }
}
