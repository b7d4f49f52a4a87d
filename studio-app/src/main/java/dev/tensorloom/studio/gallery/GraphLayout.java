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

    /**
     * Positions folded into rows when the graph is much wider than {@code aspect} (width / height), so
     * a 300-block chain still reads on a small card; rows go left to right, top to bottom.
     */
    public static Map<String, Position> folded(Document doc, double aspect) {
        Map<String, Position> flat = positions(doc);
        double minX = flat.values().stream().mapToDouble(Position::x).min().orElse(0);
        double maxX = flat.values().stream().mapToDouble(Position::x).max().orElse(0) + LAYER_GAP;
        double minY = flat.values().stream().mapToDouble(Position::y).min().orElse(0);
        double height = flat.values().stream().mapToDouble(Position::y).max().orElse(0) - minY + ROW_GAP;
        double width = maxX - minX;
        if (width <= aspect * height) {
            return flat;
        }
        // Rows of equal width whose stack has about the wanted aspect: rows * rowWidth = width.
        int rows = (int) Math.max(1, Math.round(Math.sqrt(width / (aspect * height))));
        double rowWidth = width / rows;
        Map<String, Position> out = new LinkedHashMap<>();
        flat.forEach((id, p) -> {
            int row = (int) Math.min(rows - 1, Math.floor((p.x() - minX) / rowWidth));
            out.put(id, new Position(p.x() - minX - row * rowWidth, p.y() - minY + row * (height + ROW_GAP)));
        });
        return out;
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
