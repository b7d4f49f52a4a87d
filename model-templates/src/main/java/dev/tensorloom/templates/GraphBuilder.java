package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes template graphs in code: add a node, wire ports by {@code "node.port"}, lay nodes out on a
 * grid left to right. Used only to (re)generate the committed template files.
 */
final class GraphBuilder {
    private static final double COLUMN = 240;
    private static final double ROW = 140;

    private final Document document = new Document();
    private int wireCount;
    /** The group nodes added now go into, or null. */
    private String group;

    Document document() {
        return document;
    }

    /** Adds a node at grid cell (column, row); params alternate name, value. */
    GraphBuilder node(String id, String type, int column, int row, Object... params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            Object v = params[i + 1];
            values.put((String) params[i], v instanceof Integer n ? Long.valueOf(n) : v);
        }
        document.addNode(new Node(id, type, id, values, new Position(column * COLUMN, row * ROW), group));
        return this;
    }

    /**
     * Starts a collapsed group made from saved block {@code block}: the nodes added until {@link #endGroup}
     * go into it.
     */
    GraphBuilder group(String id, String label, String block) {
        document.putGroup(new Group(id, label, true, null, block));
        group = id;
        return this;
    }

    GraphBuilder endGroup() {
        group = null;
        return this;
    }

    /** Connects {@code "a.out"} to {@code "b.in"}. */
    GraphBuilder wire(String from, String to) {
        wireCount++;
        document.addWire(new Wire("w" + wireCount, ref(from), ref(to)));
        return this;
    }

    private static PortRef ref(String text) {
        int dot = text.lastIndexOf('.');
        return new PortRef(text.substring(0, dot), text.substring(dot + 1));
    }
}
