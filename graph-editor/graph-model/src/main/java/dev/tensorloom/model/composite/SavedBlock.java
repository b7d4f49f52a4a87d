package dev.tensorloom.model.composite;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.Fragment;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A group saved as a reusable block: its title and what it holds (nodes with parameters and places relative
 * to the block's top-left corner, the wires among them, nested groups). Kept in the user's block library and
 * embedded in every project that uses it; {@link InsertBlock} adds a copy as a
 * collapsed group.
 *
 * @param id      stable id, used by groups made from the block ({@link Group#block()})
 * @param title   what the palette and the collapsed group show
 * @param content the nodes, wires and nested groups; a node or group with no group of its own sits directly
 *                in the block
 */
public record SavedBlock(String id, String title, Fragment content) {
    public SavedBlock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        if (id.isBlank() || !id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("block id '" + id + "' must be letters, digits, '-' or '_'");
        }
        if (content.nodes().isEmpty()) {
            throw new IllegalArgumentException("block '" + id + "' holds no nodes");
        }
    }

    /** What group {@code groupId} of {@code doc} holds, as a block (nested groups kept, the group itself not). */
    public static SavedBlock fromGroup(Document doc, String groupId, String id, String title) {
        Group top = doc.group(groupId).orElseThrow(() -> new IllegalArgumentException("no group '" + groupId + "'"));
        Set<String> inside = GroupTree.subtree(doc, groupId);
        List<String> memberIds = GroupTree.allMembers(doc, groupId);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        for (String m : memberIds) {
            Position p = doc.requireNode(m).position();
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
        }
        List<Node> nodes = new ArrayList<>();
        for (String m : memberIds) {
            Node n = doc.requireNode(m);
            nodes.add(n.withGroup(groupId.equals(n.group()) ? null : n.group())
                    .withPosition(n.position().translate(-minX, -minY)));
        }
        Set<String> ids = new HashSet<>(memberIds);
        List<Wire> wires = doc.wires().stream()
                .filter(w -> ids.contains(w.from().nodeId()) && ids.contains(w.to().nodeId())).toList();
        List<Group> groups = new ArrayList<>();
        for (String g : inside) {
            if (!g.equals(top.id())) {
                Group nested = doc.group(g).orElseThrow();
                groups.add(top.id().equals(nested.parent()) ? nested.withParent(null) : nested);
            }
        }
        return new SavedBlock(id, title, new Fragment(nodes, wires, groups));
    }

    /** The block as a catalog entry: its ports (the inner ports left open), shape rule and estimates. */
    public CompositeBlockType type(BlockCatalog catalog) {
        return CompositeBlockType.of("saved-" + id, title, content.nodes(), content.wires(), Map.of(), catalog);
    }
}
