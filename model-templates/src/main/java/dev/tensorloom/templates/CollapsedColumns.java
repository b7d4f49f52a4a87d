package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closes the gaps that collapsed groups leave in a template's layout. A template lays every node out on the
 * grid, a block's members over several columns; collapsed, the block is one box at its first column, and the
 * columns its members took would show as a long empty wire to whatever follows. Everything to the right of a
 * collapsed top-level group moves left by the width its members span beyond one column; members move with
 * their group, so a block opened on the canvas shows its inside as the template drew it.
 */
final class CollapsedColumns {
    private CollapsedColumns() {
    }

    /** Moves the nodes of {@code doc} in place. */
    static void close(Document doc) {
        List<double[]> spans = new ArrayList<>(); // {minX, maxX} of each collapsed top-level group
        for (Group g : doc.groups()) {
            if (g.parent() == null && g.collapsed()) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (String id : GroupTree.allMembers(doc, g.id())) {
                    double x = doc.requireNode(id).position().x();
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
                if (max > min) {
                    spans.add(new double[] {min, max});
                }
            }
        }
        // Every shift is worked out on the layout as drawn, before any node moves.
        Map<String, Double> shifts = new LinkedHashMap<>();
        for (Node node : doc.nodes()) {
            // A member counts from its group's left edge, so the whole group moves as one.
            double x = leftEdge(doc, node);
            double shift = 0;
            for (double[] span : spans) {
                if (span[1] < x) {
                    shift += span[1] - span[0];
                }
            }
            if (shift > 0) {
                shifts.put(node.id(), shift);
            }
        }
        shifts.forEach((id, shift) -> {
            Node node = doc.requireNode(id);
            doc.replaceNode(node.withPosition(new Position(node.position().x() - shift, node.position().y())));
        });
    }

    private static double leftEdge(Document doc, Node node) {
        return GroupTree.owner(doc, node, null).filter(g -> doc.group(g).isPresent())
                .map(g -> GroupTree.allMembers(doc, g).stream()
                        .mapToDouble(id -> doc.requireNode(id).position().x()).min().orElse(node.position().x()))
                .orElse(node.position().x());
    }
}
