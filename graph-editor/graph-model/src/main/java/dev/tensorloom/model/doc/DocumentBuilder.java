package dev.tensorloom.model.doc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes documents in code, tersely: {@code new DocumentBuilder().node("fc1", "linear", "out_features", 8)
 * .wire("x.out", "fc1.in").build()}. Parameters alternate names and values; whole numbers become
 * {@code Long}s, as a project file gives them. Used by the templates and by tests.
 */
public final class DocumentBuilder {
    /** Grid spacing of {@link #nodeAt}: a column per layer, left to right. */
    public static final double COLUMN = 240;
    public static final double ROW = 140;

    private final Document document = new Document();
    private int wires;
    /** The group {@link #node} and {@link #nodeAt} put nodes into, between {@link #group} and {@link #endGroup}. */
    private String openGroup;

    /** Adds a node at the origin. */
    public DocumentBuilder node(String id, String type, Object... params) {
        return add(id, type, Position.ORIGIN, openGroup, params);
    }

    /** Adds a node at grid cell (column, row). */
    public DocumentBuilder nodeAt(String id, String type, int column, int row, Object... params) {
        return add(id, type, new Position(column * COLUMN, row * ROW), openGroup, params);
    }

    /** Adds a node, at the origin, that belongs to {@code group}. */
    public DocumentBuilder nodeIn(String group, String id, String type, Object... params) {
        return add(id, type, Position.ORIGIN, group, params);
    }

    /**
     * Starts a collapsed group, made from saved block {@code block} (or null): the nodes added until
     * {@link #endGroup} go into it.
     */
    public DocumentBuilder group(String id, String label, String block) {
        document.putGroup(new Group(id, label, true, null, block));
        openGroup = id;
        return this;
    }

    /** Nodes added from now on belong to no group. */
    public DocumentBuilder endGroup() {
        openGroup = null;
        return this;
    }

    /** Connects {@code "a.out"} to {@code "b.in"} ({@link PortRef#parse}). */
    public DocumentBuilder wire(String from, String to) {
        wires++;
        document.addWire(new Wire("w" + wires, PortRef.parse(from), PortRef.parse(to)));
        return this;
    }

    public Document build() {
        return document;
    }

    private DocumentBuilder add(String id, String type, Position at, String group, Object... params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            Object v = params[i + 1];
            values.put((String) params[i], v instanceof Integer n ? Long.valueOf(n) : v);
        }
        document.addNode(new Node(id, type, id, values, at, group));
        return this;
    }
}
