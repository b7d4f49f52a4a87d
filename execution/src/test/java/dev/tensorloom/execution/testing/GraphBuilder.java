package dev.tensorloom.execution.testing;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.Map;

/** Terse construction of test documents: {@code node("l1", "lin", "out_features", 8L).wire("x.out", "l1.in")}. */
public final class GraphBuilder {
    private final Document doc = new Document();
    private int wires;

    public GraphBuilder node(String id, String type, Object... keyValues) {
        java.util.TreeMap<String, Object> params = new java.util.TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        doc.addNode(new Node(id, type, id, Map.copyOf(params), Position.ORIGIN, null));
        return this;
    }

    public GraphBuilder wire(String from, String to) {
        doc.addWire(new Wire("w" + (++wires), ref(from), ref(to)));
        return this;
    }

    private static PortRef ref(String dotted) {
        int dot = dotted.indexOf('.');
        return new PortRef(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    public Document build() {
        return doc;
    }
}
