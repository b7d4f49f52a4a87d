package dev.tensorloom.studio.gallery;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each node of a picture goes: the saved positions, or, when a file has none (every node at
 * the origin), layers by longest path from the sources, left to right.
 */
public final class GraphLayout {
    static final double LAYER_GAP = 200;
    static final double ROW_GAP = 80;

    private GraphLayout() {
    }

    public static Map<String, Position> positions(Document doc) {
        Map<String, Position> saved = new LinkedHashMap<>();
        doc.nodes().forEach(n -> saved.put(n.id(), n.position()));
        boolean laidOut = saved.values().stream().distinct().count() > 1 || saved.size() <= 1;
        return laidOut ? saved : layered(doc);
    }

    private static Map<String, Position> layered(Document doc) {
        Map<String, Integer> depth = new HashMap<>();
        for (String id : doc.topologicalOrder()) {
            int d = 0;
            for (Wire w : doc.incoming(id)) {
                d = Math.max(d, depth.getOrDefault(w.from().nodeId(), 0) + 1);
            }
            depth.put(id, d);
        }
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Position> out = new LinkedHashMap<>();
        for (Node n : doc.nodes()) {
            int d = depth.getOrDefault(n.id(), 0);
            int row = rows.merge(d, 1, Integer::sum) - 1;
            out.put(n.id(), new Position(d * LAYER_GAP, row * ROW_GAP));
        }
        return out;
    }
}
