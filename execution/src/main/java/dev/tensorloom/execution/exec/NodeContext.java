package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.model.catalog.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@link OpContext} of one forward evaluation of one node. */
final class NodeContext implements OpContext {
    private final Step step;
    private final ParameterStore store;
    private final NDManager manager;
    private final boolean training;
    private final boolean recomputing;
    private final Map<String, NDArray> published = new LinkedHashMap<>();

    NodeContext(Step step, ParameterStore store, NDManager manager, boolean training, boolean recomputing) {
        this.step = step;
        this.store = store;
        this.manager = manager;
        this.training = training;
        this.recomputing = recomputing;
    }

    @Override
    public String nodeId() {
        return step.nodeId();
    }

    @Override
    public Params params() {
        return step.params();
    }

    @Override
    public NDArray param(String name) {
        NDArray p = store.node(step.nodeId()).parameters().get(name);
        if (p == null) {
            throw new IllegalStateException(step.nodeId() + " has no parameter '" + name + "'");
        }
        return p;
    }

    @Override
    public NDArray buffer(String name) {
        NDArray b = store.node(step.nodeId()).buffers().get(name);
        if (b == null) {
            throw new IllegalStateException(step.nodeId() + " has no buffer '" + name + "'");
        }
        return b;
    }

    @Override
    public void setBuffer(String name, NDArray value) {
        // A recomputation must not apply a state update twice.
        if (!recomputing) {
            store.setBuffer(step.nodeId(), name, value);
        }
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public boolean recomputing() {
        return recomputing;
    }

    @Override
    public void publish(String view, NDArray value) {
        published.put(view, value);
    }

    Map<String, NDArray> published() {
        return published;
    }
}
