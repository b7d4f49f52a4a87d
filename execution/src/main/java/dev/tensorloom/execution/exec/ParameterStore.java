package dev.tensorloom.execution.exec;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parameters and buffers of every node, in one long-lived manager. Initialisation is seeded per node
 * ({@code seed + stepIndex * 7919}) so a node's initial weights depend only on the seed and its place in
 * the plan, not on what other nodes drew before it.
 */
public final class ParameterStore implements AutoCloseable {
    /** Odd prime spacing per step index: keeps the per-node seeds of one run apart. */
    static final long NODE_SEED_STRIDE = 7919;

    private final NDManager manager;
    private final long seed;
    private final Map<String, NodeParameters> nodes = new LinkedHashMap<>();
    private final Set<NDArray> owned = Collections.newSetFromMap(new IdentityHashMap<>());

    public ParameterStore(Device device, long seed) {
        this.manager = NDManager.newBaseManager(device);
        this.seed = seed;
    }

    /** The manager that owns parameters and buffers; nothing else should live in it. */
    public NDManager manager() {
        return manager;
    }

    public boolean isInitialized(String nodeId) {
        return nodes.containsKey(nodeId);
    }

    /** Creates a node's parameters for its first input shapes, with the node's own seed. */
    public void initialize(Step step, Shape[] inputShapes) {
        NodeParameters target = new NodeParameters();
        Engine.getInstance().setRandomSeed(nodeSeed(step.index()));
        // Initial values are built in a scratch manager so intermediates of an op's own init code are freed.
        try (NDManager scratch = manager.newSubManager()) {
            step.op().initialize(new Init(step.params(), target, scratch), inputShapes);
        }
        nodes.put(step.nodeId(), target);
    }

    int nodeSeed(int stepIndex) {
        return (int) (seed + stepIndex * NODE_SEED_STRIDE);
    }

    /** The parameters and buffers of a node (empty when it has none or is not initialised). */
    public NodeParameters node(String nodeId) {
        return nodes.getOrDefault(nodeId, new NodeParameters());
    }

    public Set<String> nodeIds() {
        return Collections.unmodifiableSet(nodes.keySet());
    }

    /** Every trainable parameter as ({@code nodeId/name}, array), in plan order. */
    public List<Map.Entry<String, NDArray>> parameters() {
        List<Map.Entry<String, NDArray>> list = new ArrayList<>();
        nodes.forEach((id, p) -> p.parameters.forEach((name, a) -> list.add(Map.entry(id + "/" + name, a))));
        return list;
    }

    /** Every buffer as ({@code nodeId/name}, array), in plan order. */
    public List<Map.Entry<String, NDArray>> buffers() {
        List<Map.Entry<String, NDArray>> list = new ArrayList<>();
        nodes.forEach((id, p) -> p.buffers.forEach((name, a) -> list.add(Map.entry(id + "/" + name, a))));
        return list;
    }

    /** Total number of trainable scalars. */
    public long parameterCount() {
        return parameters().stream().mapToLong(e -> e.getValue().size()).sum();
    }

    /**
     * The accumulated gradient of a parameter, as a new handle in {@code into}. (DJL would put the
     * handle in the parameter's manager, where it would pile up step after step.)
     */
    public static NDArray gradient(NDArray parameter, NDManager into) {
        NDArray g = parameter.getGradient();
        g.attach(into);
        return g;
    }

    /** Zeroes the accumulated gradients of all parameters (libtorch adds up across backward calls). */
    public void zeroGradients() {
        for (NodeParameters p : nodes.values()) {
            for (NDArray a : p.parameters.values()) {
                JniUtils.zeroGrad((PtNDArray) a);
            }
        }
    }

    /** Replaces a buffer's value with a detached copy owned by this store. */
    void setBuffer(String nodeId, String name, NDArray value) {
        NodeParameters p = nodes.get(nodeId);
        NDArray old = p == null ? null : p.buffers.get(name);
        if (old == null) {
            throw new IllegalArgumentException(nodeId + " has no buffer '" + name + "'");
        }
        NDArray kept = value.stopGradient();
        kept.attach(manager);
        p.buffers.put(name, kept);
        owned.remove(old);
        owned.add(kept);
        old.close();
    }

    /** Replaces a parameter's or buffer's value ({@code nodeId/name}) in place, as loading weights does. */
    public void assign(String key, NDArray value) {
        int slash = key.lastIndexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("'" + key + "' is not a nodeId/name key");
        }
        assign(key.substring(0, slash), key.substring(slash + 1), value);
    }

    /** Every parameter and buffer ({@code nodeId/name}) in DJL's array encoding, parameters first, in plan order. */
    public Map<String, byte[]> encode() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        parameters().forEach(e -> out.put(e.getKey(), e.getValue().encode()));
        buffers().forEach(e -> out.put(e.getKey(), e.getValue().encode()));
        return out;
    }

    /** Replaces a parameter's or buffer's value in place (used when loading weights). */
    void assign(String nodeId, String name, NDArray value) {
        NodeParameters p = nodes.get(nodeId);
        NDArray target = p == null ? null : p.parameters.containsKey(name) ? p.parameters.get(name) : p.buffers.get(name);
        if (target == null) {
            throw new IllegalArgumentException("no parameter or buffer '" + nodeId + "/" + name + "' in this model");
        }
        if (!target.getShape().equals(value.getShape()) || target.getDataType() != value.getDataType()) {
            throw new IllegalArgumentException(nodeId + "/" + name + " has shape " + target.getShape() + " "
                    + target.getDataType() + " but the file has " + value.getShape() + " " + value.getDataType());
        }
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            target.set(value.toByteBuffer());
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /**
     * Drops a node's parameters and buffers, as if it had never run: its next forward initialises it again
     * from its own seed, to the same values (used to undo a profiling pass's first forward).
     */
    void forget(String nodeId) {
        NodeParameters p = nodes.remove(nodeId);
        if (p == null) {
            return;
        }
        for (NDArray a : p.parameters.values()) {
            owned.remove(a);
            a.close();
        }
        for (NDArray a : p.buffers.values()) {
            owned.remove(a);
            a.close();
        }
    }

    /**
     * Moves every array that an op created in the parameter manager during a forward (for example
     * {@code weight.transpose()}, whose result DJL puts next to its first operand) into {@code into}, so
     * it is freed with the node's activations instead of living for the whole run.
     *
     * @return how many stray arrays were moved
     */
    int sweepStrays(NDManager into) {
        int moved = 0;
        for (NDArray a : manager.getManagedArrays()) {
            if (!owned.contains(a)) {
                a.attach(into);
                moved++;
            }
        }
        return moved;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** The {@link ParameterInit} handed to one node's op. */
    private final class Init implements ParameterInit {
        private final Params params;
        private final NodeParameters target;
        private final NDManager scratch;

        Init(Params params, NodeParameters target, NDManager scratch) {
            this.params = params;
            this.target = target;
            this.scratch = scratch;
        }

        @Override
        public Params params() {
            return params;
        }

        @Override
        public NDArray parameter(String name, Shape shape, Initializer initializer) {
            return parameter(name, initializer.initialize(scratch, shape, DataType.FLOAT32));
        }

        @Override
        public NDArray parameter(String name, NDArray initialValue) {
            NDArray p = own(name, initialValue);
            p.setRequiresGradient(true);
            target.parameters.put(name, p);
            return p;
        }

        @Override
        public NDArray buffer(String name, NDArray initialValue) {
            NDArray b = own(name, initialValue);
            target.buffers.put(name, b);
            return b;
        }

        private NDArray own(String name, NDArray value) {
            if (target.parameters.containsKey(name) || target.buffers.containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' is created twice");
            }
            // A detached copy: the op may have derived the value from other scratch arrays.
            NDArray copy = value.stopGradient().duplicate();
            copy.attach(manager);
            owned.add(copy);
            return copy;
        }

        @Override
        public NDManager manager() {
            return scratch;
        }
    }
}
