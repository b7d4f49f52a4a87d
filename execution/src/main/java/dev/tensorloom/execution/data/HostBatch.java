package dev.tensorloom.execution.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** One batch of examples as named host arrays, every one with the batch as its first dimension. */
public final class HostBatch {
    private final Map<String, HostArray> fields;

    public HostBatch(Map<String, HostArray> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        long b = -1;
        for (Map.Entry<String, HostArray> e : this.fields.entrySet()) {
            long d = e.getValue().rank() == 0 ? -1 : e.getValue().dim(0);
            if (b >= 0 && d != b) {
                throw new IllegalArgumentException("field '" + e.getKey() + "' has batch " + d + ", others " + b);
            }
            b = d;
        }
    }

    /** The named field; throws naming the known fields when absent. */
    public HostArray get(String field) {
        HostArray a = fields.get(field);
        if (a == null) {
            throw new NoSuchElementException("no field '" + field + "' (fields: " + fields.keySet() + ")");
        }
        return a;
    }

    /** Fields in declaration order. */
    public Map<String, HostArray> fields() {
        return fields;
    }

    /** Examples in this batch (0 for a batch without fields). */
    public int batchSize() {
        return fields.isEmpty() ? 0 : (int) fields.values().iterator().next().dim(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostBatch h && fields.equals(h.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** A builder that keeps fields in insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects named arrays in order. */
    public static final class Builder {
        private final Map<String, HostArray> fields = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, HostArray array) {
            if (fields.putIfAbsent(name, array) != null) {
                throw new IllegalArgumentException("field '" + name + "' given twice");
            }
            return this;
        }

        public HostBatch build() {
            return new HostBatch(fields);
        }
    }
}
