package dev.tensorloom.model.doc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How groups nest in a document: a node's chain of groups, what a group holds (directly or anywhere
 * inside), and which item a node is seen as from one level of the nesting (a scope): itself, or the
 * outermost collapsed group between it and that level.
 */
public final class GroupTree {
    private GroupTree() {
    }

    /** The groups a node sits in, innermost first. */
    public static List<String> chain(Document doc, Node node) {
        List<String> out = new ArrayList<>();
        String g = node.group();
        while (g != null && !out.contains(g)) {
            out.add(g);
            g = doc.group(g).map(Group::parent).orElse(null);
        }
        return out;
    }

    /** The groups {@code groupId} sits in, innermost first (not the group itself). */
    public static List<String> ancestors(Document doc, String groupId) {
        List<String> out = new ArrayList<>();
        String g = doc.group(groupId).map(Group::parent).orElse(null);
        while (g != null && !out.contains(g) && !g.equals(groupId)) {
            out.add(g);
            g = doc.group(g).map(Group::parent).orElse(null);
        }
        return out;
    }

    /** Whether a node lies inside {@code scope} (anywhere within it); every node lies inside the top (null). */
    public static boolean inside(Document doc, Node node, String scope) {
        return scope == null || chain(doc, node).contains(scope);
    }

    /**
     * The item a node is seen as from {@code scope} (null: the top level): the outermost collapsed group
     * inside the scope that holds it, else the node itself; empty when the node is not inside the scope.
     */
    public static Optional<String> owner(Document doc, Node node, String scope) {
        List<String> chain = chain(doc, node);
        int end = scope == null ? chain.size() : chain.indexOf(scope);
        if (end < 0) {
            return Optional.empty();
        }
        for (int i = end - 1; i >= 0; i--) {
            if (doc.group(chain.get(i)).map(Group::collapsed).orElse(false)) {
                return Optional.of(chain.get(i));
            }
        }
        return Optional.of(node.id());
    }

    /** Every node inside a group, nested groups' nodes included, sorted by id. */
    public static List<String> allMembers(Document doc, String groupId) {
        List<String> out = new ArrayList<>();
        for (Node n : doc.nodes()) {
            if (chain(doc, n).contains(groupId)) {
                out.add(n.id());
            }
        }
        return out;
    }

    /** The groups directly inside {@code parent} (null: the top level), sorted by id. */
    public static List<String> children(Document doc, String parent) {
        List<String> out = new ArrayList<>();
        for (Group g : doc.groups()) {
            if (Objects.equals(parent, g.parent())) {
                out.add(g.id());
            }
        }
        return out;
    }

    /** Every group inside {@code groupId} at any depth, and the group itself. */
    public static Set<String> subtree(Document doc, String groupId) {
        Set<String> out = new LinkedHashSet<>();
        out.add(groupId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Group g : doc.groups()) {
                if (g.parent() != null && out.contains(g.parent()) && out.add(g.id())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    /** Node ids behind item ids: a node stands for itself, a group for every node inside it. */
    public static Set<String> nodesOf(Document doc, Collection<String> itemIds) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : itemIds) {
            if (doc.containsNode(id)) {
                out.add(id);
            } else if (doc.group(id).isPresent()) {
                out.addAll(allMembers(doc, id));
            }
        }
        return out;
    }
}
