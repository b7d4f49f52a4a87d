package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Adds a {@link Fragment} with fresh ids for every node, wire and group, shifted by an offset so
 * the copy does not sit exactly on the original, into one level of the group nesting (the top level,
 * or an opened group): what the fragment does not place in one of its own groups lands on that level.
 * Wires leaving the fragment are dropped.
 */
public final class Paste extends RecordedCommand {
    private final Fragment fragment;
    private final double dx;
    private final double dy;
    private final String scope;
    private final Map<String, String> newIds = new HashMap<>();

    public Paste(Fragment fragment, double dx, double dy) {
        this(fragment, dx, dy, null);
    }

    /** @param scope the group to paste into, or null for the top level */
    public Paste(Fragment fragment, double dx, double dy, String scope) {
        this.fragment = Objects.requireNonNull(fragment, "fragment");
        this.dx = dx;
        this.dy = dy;
        this.scope = scope;
    }

    @Override
    protected void perform(Document doc) {
        newIds.clear();
        newIds.putAll(into(doc, fragment, dx, dy, scope));
    }

    /**
     * Adds {@code fragment} to {@code doc} with fresh ids, shifted by (dx, dy), into group {@code scope}
     * (null: the top level); a step of commands that paste, such as {@link dev.tensorloom.model.composite.InsertBlock}.
     *
     * @return old id → new id for every node, wire and group added
     */
    public static Map<String, String> into(Document doc, Fragment fragment, double dx, double dy, String scope) {
        Map<String, String> ids = new HashMap<>();
        Set<String> copied = new HashSet<>();
        fragment.groups().forEach(g -> copied.add(g.id()));
        for (Group g : fragment.groups()) {
            ids.put(g.id(), doc.freshId(prefixOf(g.id())));
            // Put at once: the next fresh id must not take this one.
            doc.putGroup(new Group(ids.get(g.id()), g.label(), g.collapsed(), scope, g.block()));
        }
        for (Group g : fragment.groups()) {
            String id = ids.get(g.id());
            String parent = g.parent() != null && copied.contains(g.parent()) ? ids.get(g.parent()) : scope;
            doc.putGroup(new Group(id, g.label().equals(g.id()) ? id : g.label(), g.collapsed(), parent, g.block()));
        }
        for (Node n : fragment.nodes()) {
            String id = doc.freshId(prefixOf(n.id()));
            ids.put(n.id(), id);
            String group = n.group() != null && copied.contains(n.group()) ? ids.get(n.group()) : scope;
            doc.addNode(n.withId(id).withGroup(group).withPosition(n.position().translate(dx, dy)));
        }
        for (Wire w : fragment.wires()) {
            String from = ids.get(w.from().nodeId());
            String to = ids.get(w.to().nodeId());
            if (from != null && to != null) {
                String id = doc.freshId(prefixOf(w.id()));
                ids.put(w.id(), id);
                doc.addWire(new Wire(id, new PortRef(from, w.from().port()), new PortRef(to, w.to().port())));
            }
        }
        return ids;
    }

    /** Old id → new id for every pasted node, wire group; lets the canvas select what was pasted. */
    public Map<String, String> newIds() {
        return Collections.unmodifiableMap(newIds);
    }

    /** {@code linear12} → {@code linear}, so copies are numbered like the palette numbers new nodes. */
    private static String prefixOf(String id) {
        String prefix = id.replaceAll("[0-9]+$", "");
        return prefix.isEmpty() ? "n" : prefix;
    }

    @Override
    public String description() {
        return "Paste " + fragment.nodes().size() + (fragment.nodes().size() == 1 ? " node" : " nodes");
    }
}
