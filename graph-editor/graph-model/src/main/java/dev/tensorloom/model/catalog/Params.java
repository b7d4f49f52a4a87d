package dev.tensorloom.model.catalog;

import java.util.List;
import java.util.Map;

/** Typed read access to a node's parameter values, falling back to the block type's defaults. */
public final class Params {
    private final Map<String, Object> values;
    private final BlockType type;

    public Params(BlockType type, Map<String, Object> values) {
        this.type = type;
        this.values = values;
    }

    /** The value set on the node, else the default; throws if the block type has no such parameter. */
    public Object get(String name) {
        Object v = values.get(name);
        if (v != null) {
            return v;
        }
        return type.param(name).map(ParamSpec::defaultValue)
                .orElseThrow(() -> new IllegalArgumentException(type.id() + " has no parameter '" + name + "'"));
    }

    public long getLong(String name) {
        return ((Number) get(name)).longValue();
    }

    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBool(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    public List<Long> getLongList(String name) {
        return ((List<?>) get(name)).stream().map(v -> ((Number) v).longValue()).toList();
    }

    public BlockType type() {
        return type;
    }
}
