package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a training pass may change in a {@link ParameterStore} besides gradients, captured before work that
 * must leave no trace and put back after it: the value of every buffer (batch norm's running statistics,
 * which a training-mode forward moves) and which nodes had been initialised. A profiling pass runs the
 * model in training mode several times; without this a run with a checkpoint policy would start its first
 * step from other running statistics than the same run without one.
 *
 * <p>The buffers are copied to the Java heap, so capturing allocates no native memory while a profile
 * measures it. Random state needs no capture: every node's forward reseeds the engine from (seed, step,
 * node) before it draws (dropout masks, a rectified flow's noise), so nothing random carries over from one
 * node, pass or step to the next. Parameters need none either: a pass computes gradients but never updates.
 */
public final class StoreState {
    private final ParameterStore store;
    private final Set<String> initialised;
    private final List<Saved> buffers = new ArrayList<>();

    private record Saved(String nodeId, String name, byte[] bytes, Shape shape, DataType type) {
    }

    private StoreState(ParameterStore store) {
        this.store = store;
        this.initialised = new HashSet<>(store.nodeIds());
        for (String id : store.nodeIds()) {
            for (Map.Entry<String, NDArray> b : store.node(id).buffers().entrySet()) {
                NDArray a = b.getValue();
                buffers.add(new Saved(id, b.getKey(), a.toByteArray(), a.getShape(), a.getDataType()));
            }
        }
    }

    /** The store's buffers and initialised nodes now. */
    public static StoreState capture(ParameterStore store) {
        return new StoreState(store);
    }

    /**
     * Puts every captured buffer back and forgets nodes initialised since the capture (their next forward
     * initialises them again, to the same seeded values).
     */
    public void restore() {
        for (String id : List.copyOf(store.nodeIds())) {
            if (!initialised.contains(id)) {
                store.forget(id);
            }
        }
        try (NDManager scratch = store.manager().newSubManager()) {
            for (Saved b : buffers) {
                NDArray value = scratch.create(ByteBuffer.wrap(b.bytes()), b.shape(), b.type());
                store.assign(b.nodeId(), b.name(), value);
            }
        }
    }
}
