package dev.tensorloom.execution.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.exec.WholeGraphReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@link Plan} as one ordinary DJL block: its forward runs the plan's ops in order in one
 * autograd graph and returns the total loss. Its DJL parameters share the arrays of the executor's
 * {@link dev.tensorloom.execution.exec.ParameterStore}, so DJL's own trainer trains the very same
 * model. Inputs are the batch fields in the order of {@link #fields()}.
 */
final class PlanAsDjlBlock extends AbstractBlock {
    private final Plan plan;
    private final dev.tensorloom.execution.exec.ParameterStore store;
    private final long seed;
    private final List<String> fields = new ArrayList<>();
    private final List<Parameter> shared = new ArrayList<>();
    private long step;

    PlanAsDjlBlock(Plan plan, dev.tensorloom.execution.exec.ParameterStore store, long seed) {
        this.plan = plan;
        this.store = store;
        this.seed = seed;
        for (Step s : plan.sourceSteps()) {
            if (!fields.contains(s.field())) {
                fields.add(s.field());
            }
        }
        for (Map.Entry<String, NDArray> p : store.parameters()) {
            shared.add(addParameter(Parameter.builder().setName(p.getKey()).setType(Parameter.Type.OTHER)
                    .optArray(p.getValue()).optRequiresGrad(true).build()));
        }
    }

    /** The batch fields the block expects, in input order. */
    List<String> fields() {
        return fields;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        // DJL's trainer updates only the parameters a forward asked its store for.
        for (Parameter p : shared) {
            parameterStore.getValue(p, inputs.head().getDevice(), training);
        }
        Map<String, NDArray> batch = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            batch.put(fields.get(i), inputs.get(i));
        }
        return new NDList(WholeGraphReference.forward(plan, store, batch, inputs.head().getManager(), seed, step++));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }
}
