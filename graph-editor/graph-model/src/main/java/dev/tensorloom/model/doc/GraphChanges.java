package dev.tensorloom.model.doc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a graph differs from an earlier copy of it in what training sees: blocks added, removed, of another
 * type, with other parameters, or fed by other wires. Positions, labels and groups do not count, so moving or
 * grouping blocks is not a change. The studio uses it to mark the edits made while a run trains the earlier
 * copy as "not in this run".
 *
 * @param changed ids of blocks of the newer graph that are new or differ (sorted)
 * @param removed ids of blocks the earlier graph had and the newer one has not (sorted)
 */
public record GraphChanges(Set<String> changed, Set<String> removed) {
    /** No differences. */
    public static final GraphChanges NONE = new GraphChanges(Set.of(), Set.of());

    public GraphChanges {
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
    }

    /** What {@code now} changed relative to {@code before}. */
    public static GraphChanges between(Document before, Document now) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(now, "now");
        Set<String> changed = new TreeSet<>();
        for (Node n : now.nodes()) {
            Node was = before.node(n.id()).orElse(null);
            if (was == null || !was.type().equals(n.type()) || !was.params().equals(n.params())
                    || !sources(before, n.id()).equals(sources(now, n.id()))) {
                changed.add(n.id());
            }
        }
        Set<String> removed = new TreeSet<>();
        for (Node n : before.nodes()) {
            if (!now.containsNode(n.id())) {
                removed.add(n.id());
            }
        }
        return new GraphChanges(changed, removed);
    }

    /** True when training {@code now} would train another graph than the earlier copy. */
    public boolean any() {
        return !changed.isEmpty() || !removed.isEmpty();
    }

    /** "2 blocks changed, 1 removed" for a status line; empty when nothing changed. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add(changed.size() + (changed.size() == 1 ? " block" : " blocks") + " added or changed");
        }
        if (!removed.isEmpty()) {
            parts.add(removed.size() + (removed.size() == 1 ? " block" : " blocks") + " removed");
        }
        return String.join(", ", parts);
    }

    /** Each input port of {@code nodeId} with the output feeding it. */
    private static Set<String> sources(Document doc, String nodeId) {
        Collection<Wire> in = doc.incoming(nodeId);
        Set<String> out = new HashSet<>();
        for (Wire w : in) {
            out.add(w.to().port() + "<-" + w.from());
        }
        return out;
    }
}
