package dev.tensorloom.canvas.view;

import dev.tensorloom.model.command.MoveNodes;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the canvas shows as one item: a node, or a collapsed group standing for its members. Item
 * ids are node ids or group ids (the document keeps them distinct). A collapsed group sits at the
 * top-left corner of its members.
 */
public final class CanvasItems {
    private CanvasItems() {
    }

    public static boolean isCollapsedGroup(Document doc, String id) {
        return doc.group(id).map(Group::collapsed).orElse(false);
    }

    /** The item a node is shown as: itself, or its collapsed group. */
    public static String ownerOf(Document doc, Node node) {
        return node.group() != null && isCollapsedGroup(doc, node.group()) ? node.group() : node.id();
    }

    /** Every item shown: nodes outside collapsed groups, and collapsed groups with members. */
    public static Set<String> visibleIds(Document doc) {
        Set<String> ids = new LinkedHashSet<>();
        for (Node n : doc.nodes()) {
            ids.add(ownerOf(doc, n));
        }
        return ids;
    }

    /** Node ids behind these item ids (a collapsed or expanded group id stands for its members). */
    public static Set<String> memberIds(Document doc, Collection<String> itemIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : itemIds) {
            if (doc.containsNode(id)) {
                ids.add(id);
            } else if (doc.group(id).isPresent()) {
                ids.addAll(members(doc, id));
            }
        }
        return ids;
    }

    public static List<String> members(Document doc, String groupId) {
        List<String> ids = new ArrayList<>();
        for (Node n : doc.nodes()) {
            if (groupId.equals(n.group())) {
                ids.add(n.id());
            }
        }
        return ids;
    }

    /** Where an item sits in canvas units. */
    public static Position position(Document doc, String itemId) {
        Optional<Node> node = doc.node(itemId);
        if (node.isPresent()) {
            return node.get().position();
        }
        double x = Double.POSITIVE_INFINITY;
        double y = Double.POSITIVE_INFINITY;
        for (String m : members(doc, itemId)) {
            Position p = doc.requireNode(m).position();
            x = Math.min(x, p.x());
            y = Math.min(y, p.y());
        }
        return Double.isInfinite(x) ? Position.ORIGIN : new Position(x, y);
    }

    /**
     * One MoveNodes taking each item to its new position (a collapsed group's members move by the
     * group's offset), leaving out items that stay put; empty when nothing moves.
     */
    public static Optional<MoveNodes> moveCommand(Document doc, Map<String, Position> itemTargets) {
        Map<String, MoveNodes.Move> moves = new TreeMap<>();
        itemTargets.forEach((itemId, to) -> {
            Position from = position(doc, itemId);
            double dx = to.x() - from.x();
            double dy = to.y() - from.y();
            if (dx == 0 && dy == 0) {
                return;
            }
            for (String id : memberIds(doc, List.of(itemId))) {
                Position p = doc.requireNode(id).position();
                moves.put(id, new MoveNodes.Move(p, p.translate(dx, dy)));
            }
        });
        return moves.isEmpty() ? Optional.empty() : Optional.of(new MoveNodes(moves));
    }
}
