package dev.tensorloom.canvas.view;

import dev.tensorloom.model.command.MoveNodes;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the canvas shows as one item: a node, or a collapsed group standing for everything inside it.
 * Item ids are node ids or group ids (the document keeps them distinct). The canvas shows one level of
 * the group nesting at a time, its scope: the top level (null), or the inside of an opened group. From
 * there, a node is shown as the outermost collapsed group between it and the scope, or as itself; nodes
 * outside the scope are not shown. A collapsed group sits at the top-left corner of its members.
 */
public final class CanvasItems {
    private CanvasItems() {
    }

    public static boolean isCollapsedGroup(Document doc, String id) {
        return doc.group(id).map(Group::collapsed).orElse(false);
    }

    /** The item a node is shown as from the top level: itself, or its outermost collapsed group. */
    public static String ownerOf(Document doc, Node node) {
        return ownerOf(doc, node, null);
    }

    /** The item a node is shown as from {@code scope}, or null when it lies outside the scope. */
    public static String ownerOf(Document doc, Node node, String scope) {
        return GroupTree.owner(doc, node, scope).orElse(null);
    }

    /** Every item shown at the top level. */
    public static Set<String> visibleIds(Document doc) {
        return visibleIds(doc, null);
    }

    /** Every item shown from {@code scope}: nodes and collapsed groups with members. */
    public static Set<String> visibleIds(Document doc, String scope) {
        Set<String> ids = new LinkedHashSet<>();
        for (Node n : doc.nodes()) {
            String owner = ownerOf(doc, n, scope);
            if (owner != null) {
                ids.add(owner);
            }
        }
        return ids;
    }

    /** Whether a group is shown as one item from {@code scope}. */
    public static boolean isShownGroup(Document doc, String groupId, String scope) {
        if (!isCollapsedGroup(doc, groupId) || groupId.equals(scope)) {
            return false;
        }
        List<String> above = GroupTree.ancestors(doc, groupId);
        int end = scope == null ? above.size() : above.indexOf(scope);
        if (end < 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (isCollapsedGroup(doc, above.get(i))) {
                return false;
            }
        }
        return !members(doc, groupId).isEmpty();
    }

    /** Node ids behind these item ids (a group id stands for every node inside it, nested ones too). */
    public static Set<String> memberIds(Document doc, Collection<String> itemIds) {
        return GroupTree.nodesOf(doc, itemIds);
    }

    /** Every node inside a group, nested groups' nodes included. */
    public static List<String> members(Document doc, String groupId) {
        return GroupTree.allMembers(doc, groupId);
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
