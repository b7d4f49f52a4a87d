package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Adds a {@link Fragment} with fresh ids for every node, wire and group, shifted by an offset so
 * the copy does not sit exactly on the original. Wires leaving the fragment are dropped.
 */
public final class Paste extends RecordedCommand {
    private final Fragment fragment;
    private final double dx;
    private final double dy;
    private final Map<String, String> newIds = new HashMap<>();

    public Paste(Fragment fragment, double dx, double dy) {
        this.fragment = Objects.requireNonNull(fragment, "fragment");
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    protected void perform(Document doc) {
        newIds.clear();
        for (Group g : fragment.groups()) {
            String id = doc.freshId(prefixOf(g.id()));
            newIds.put(g.id(), id);
            doc.putGroup(new Group(id, g.label().equals(g.id()) ? id : g.label(), g.collapsed()));
        }
        for (Node n : fragment.nodes()) {
            String id = doc.freshId(prefixOf(n.id()));
            newIds.put(n.id(), id);
            String group = n.group() == null ? null : newIds.get(n.group());
            doc.addNode(n.withId(id).withGroup(group).withPosition(n.position().translate(dx, dy)));
        }
        for (Wire w : fragment.wires()) {
            String from = newIds.get(w.from().nodeId());
            String to = newIds.get(w.to().nodeId());
            if (from != null && to != null) {
                doc.addWire(new Wire(doc.freshId(prefixOf(w.id())),
                        new PortRef(from, w.from().port()), new PortRef(to, w.to().port())));
            }
        }
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
