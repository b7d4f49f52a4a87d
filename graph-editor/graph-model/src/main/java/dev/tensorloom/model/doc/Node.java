package dev.tensorloom.model.doc;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One block on the graph: a stable id, the block type it instantiates, its parameter values, a
 * label, a position and an optional group. Immutable: the {@link Document} replaces a node with a
 * modified copy, which keeps undo simple and lets views compare old and new states.
 *
 * <p>Parameter values are plain JSON-like values: {@link Long}, {@link Double}, {@link Boolean},
 * {@link String}, or a {@link java.util.List} of those. Keys are kept sorted so saving is stable.
 */
public final class Node {
    private final String id;
    private final String type;
    private final String label;
    private final Map<String, Object> params;
    private final Position position;
    private final String group;

    public Node(String id, String type, String label, Map<String, Object> params, Position position, String group) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.label = label == null ? id : label;
        this.params = Collections.unmodifiableMap(new TreeMap<>(params == null ? Map.of() : params));
        this.position = position == null ? Position.ORIGIN : position;
        this.group = group;
    }

    public static Node of(String id, String type) {
        return new Node(id, type, id, Map.of(), Position.ORIGIN, null);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String label() {
        return label;
    }

    /** Parameter values set on this node; missing keys take the catalog default. */
    public Map<String, Object> params() {
        return params;
    }

    public Object param(String name) {
        return params.get(name);
    }

    public Position position() {
        return position;
    }

    /** Id of the group (composite) this node belongs to, or {@code null}. */
    public String group() {
        return group;
    }

    public Node withParam(String name, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(params);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Node(id, type, label, copy, position, group);
    }

    public Node withParams(Map<String, Object> values) {
        return new Node(id, type, label, values, position, group);
    }

    public Node withLabel(String newLabel) {
        return new Node(id, type, newLabel, params, position, group);
    }

    public Node withPosition(Position newPosition) {
        return new Node(id, type, label, params, newPosition, group);
    }

    public Node withGroup(String newGroup) {
        return new Node(id, type, label, params, position, newGroup);
    }

    public Node withId(String newId) {
        return new Node(newId, type, label.equals(id) ? newId : label, params, position, group);
    }

    /** Same id, type, label, parameters, position and group. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && n.id.equals(id) && n.type.equals(type) && n.label.equals(label)
                && n.params.equals(params) && n.position.equals(position) && Objects.equals(n.group, group);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id + ":" + type;
    }
}
