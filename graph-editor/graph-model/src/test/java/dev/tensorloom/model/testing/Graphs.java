package dev.tensorloom.model.testing;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds test documents tersely: {@code g.node("fc1", "lin", "out_features", 8L).wire("x.out", "fc1.in")}. */
public final class Graphs {
    private final Document doc = new Document();
    private int wires;

    public static Graphs create() {
        return new Graphs();
    }

    /** Adds a node; {@code params} alternates names and values. */
    public Graphs node(String id, String type, Object... params) {
        return nodeIn(null, id, type, params);
    }

    /** Adds a node that belongs to a group. */
    public Graphs nodeIn(String group, String id, String type, Object... params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            values.put((String) params[i], params[i + 1]);
        }
        doc.addNode(new Node(id, type, id, values, Position.ORIGIN, group));
        return this;
    }

    /** Connects {@code "a.out"} to {@code "b.in"}. */
    public Graphs wire(String from, String to) {
        doc.addWire(new Wire("w" + (++wires), ref(from), ref(to)));
        return this;
    }

    public static PortRef ref(String text) {
        int dot = text.indexOf('.');
        return new PortRef(text.substring(0, dot), text.substring(dot + 1));
    }

    public Document doc() {
        return doc;
    }
}
