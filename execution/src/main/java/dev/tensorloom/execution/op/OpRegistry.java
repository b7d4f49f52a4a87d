package dev.tensorloom.execution.op;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Maps block type ids of the catalog to their DJL implementations. */
public final class OpRegistry {
    private final Map<String, OpFactory> factories = new TreeMap<>();

    /** Every built-in implementation. */
    public static OpRegistry standard() {
        OpRegistry registry = new OpRegistry();
        DataOps.register(registry);
        CoreOps.register(registry);
        TransformerOps.register(registry);
        StateSpaceOps.register(registry);
        FlowOps.register(registry);
        DetectionOps.register(registry);
        LossOps.register(registry);
        return registry;
    }

    public void register(String typeId, OpFactory factory) {
        if (factories.putIfAbsent(typeId, factory) != null) {
            throw new IllegalArgumentException("op for '" + typeId + "' is registered twice");
        }
    }

    public Optional<OpFactory> find(String typeId) {
        return Optional.ofNullable(factories.get(typeId));
    }

    public java.util.Set<String> typeIds() {
        return java.util.Collections.unmodifiableSet(factories.keySet());
    }
}
