package dev.tensorloom.model.doc;

import java.util.Objects;

/**
 * A directed connection from an output port to an input port. Immutable; identity is its stable id,
 * so two wires with the same ends but different ids are different edges in the graph.
 */
public final class Wire {
    private final String id;
    private final PortRef from;
    private final PortRef to;

    public Wire(String id, PortRef from, PortRef to) {
        this.id = Objects.requireNonNull(id, "id");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    public String id() {
        return id;
    }

    public PortRef from() {
        return from;
    }

    public PortRef to() {
        return to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wire w && w.id.equals(id) && w.from.equals(from) && w.to.equals(to);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id + ": " + from + " -> " + to;
    }
}
