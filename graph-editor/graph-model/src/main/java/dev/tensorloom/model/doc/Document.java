package dev.tensorloom.model.doc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The model being edited: nodes by stable id, wires between ports, groups and the training
 * configuration. The topology lives in a JGraphT {@link DirectedAcyclicGraph} over node ids, so a
 * wire that would close a cycle is refused. Every change fires a {@link DocumentChange}.
 *
 * <p>Edits from the user go through commands ({@code dev.tensorloom.model.command}); the mutators
 * here are the primitive steps those commands are made of. Not thread-safe: one thread edits.
 */
public final class Document {
    private final DirectedAcyclicGraph<String, Wire> graph = new DirectedAcyclicGraph<>(null, null, false, true);
    private final Map<String, Node> nodes = new TreeMap<>();
    private final Map<String, Wire> wires = new TreeMap<>();
    private final Map<String, Group> groups = new TreeMap<>();
    private final List<DocumentListener> listeners = new CopyOnWriteArrayList<>();
    private TrainingConfig config = TrainingConfig.DEFAULT;

    public void addListener(DocumentListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(DocumentListener listener) {
        listeners.remove(listener);
    }

    private void fire(DocumentChange change) {
        for (DocumentListener l : listeners) {
            l.documentChanged(change);
        }
    }

    // ---- queries ---------------------------------------------------------------------------

    /** Nodes sorted by id. */
    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /** Wires sorted by id. */
    public Collection<Wire> wires() {
        return Collections.unmodifiableCollection(wires.values());
    }

    /** Groups sorted by id. */
    public Collection<Group> groups() {
        return Collections.unmodifiableCollection(groups.values());
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The node with this id; throws {@link GraphEditException} naming the id when there is none. */
    public Node requireNode(String id) {
        Node n = nodes.get(id);
        if (n == null) {
            throw new GraphEditException("no node '" + id + "'");
        }
        return n;
    }

    public Optional<Wire> wire(String id) {
        return Optional.ofNullable(wires.get(id));
    }

    public Optional<Group> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    public boolean containsNode(String id) {
        return nodes.containsKey(id);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public TrainingConfig config() {
        return config;
    }

    /** The wire feeding this input port, if any (an input port takes at most one wire). */
    public Optional<Wire> wireInto(PortRef input) {
        if (!graph.containsVertex(input.nodeId())) {
            return Optional.empty();
        }
        for (Wire w : graph.incomingEdgesOf(input.nodeId())) {
            if (w.to().equals(input)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** Wires leaving this node, sorted by id. */
    public List<Wire> outgoing(String nodeId) {
        List<Wire> out = new ArrayList<>(graph.containsVertex(nodeId) ? graph.outgoingEdgesOf(nodeId) : List.of());
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /** Wires entering this node, sorted by id. */
    public List<Wire> incoming(String nodeId) {
        List<Wire> in = new ArrayList<>(graph.containsVertex(nodeId) ? graph.incomingEdgesOf(nodeId) : List.of());
        in.sort((a, b) -> a.id().compareTo(b.id()));
        return in;
    }

    /** Node ids in a topological order that is stable: ties broken by id. */
    public List<String> topologicalOrder() {
        Map<String, Integer> indegree = new TreeMap<>();
        for (String v : nodes.keySet()) {
            indegree.put(v, graph.inDegreeOf(v));
        }
        java.util.TreeSet<String> ready = new java.util.TreeSet<>();
        indegree.forEach((v, d) -> {
            if (d == 0) {
                ready.add(v);
            }
        });
        List<String> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            String v = ready.pollFirst();
            order.add(v);
            for (Wire w : graph.outgoingEdgesOf(v)) {
                String t = w.to().nodeId();
                if (indegree.merge(t, -1, Integer::sum) == 0) {
                    ready.add(t);
                }
            }
        }
        return order;
    }

    /** A read-only view of the topology (vertices are node ids); do not mutate it. */
    public org.jgrapht.Graph<String, Wire> topology() {
        return new org.jgrapht.graph.AsUnmodifiableGraph<>(graph);
    }

    /** A fresh id with this prefix that no node, wire or group uses yet: {@code linear1}, {@code linear2}… */
    public String freshId(String prefix) {
        String base = prefix.replaceAll("[^A-Za-z0-9_]", "_");
        for (int i = 1; ; i++) {
            String candidate = base + i;
            if (!nodes.containsKey(candidate) && !wires.containsKey(candidate) && !groups.containsKey(candidate)) {
                return candidate;
            }
        }
    }

    // ---- primitive mutations (used by commands and loaders) ---------------------------------

    public void addNode(Node node) {
        if (nodes.containsKey(node.id())) {
            throw new GraphEditException("a node with id '" + node.id() + "' already exists");
        }
        nodes.put(node.id(), node);
        graph.addVertex(node.id());
        fire(new DocumentChange.NodeAdded(node));
    }

    /** Removes a node and, first, every wire touching it. */
    public Node removeNode(String id) {
        Node node = requireNode(id);
        for (Wire w : new ArrayList<>(graph.edgesOf(id))) {
            removeWire(w.id());
        }
        nodes.remove(id);
        graph.removeVertex(id);
        fire(new DocumentChange.NodeRemoved(node));
        return node;
    }

    /** Replaces a node by a modified copy with the same id. */
    public void replaceNode(Node after) {
        Node before = requireNode(after.id());
        if (before.equals(after)) {
            return;
        }
        nodes.put(after.id(), after);
        fire(new DocumentChange.NodeChanged(before, after));
    }

    /**
     * Adds a wire. Refused with a user-facing message when an end is missing, the input port is
     * already fed, or the wire would close a cycle.
     */
    public void addWire(Wire wire) {
        if (wires.containsKey(wire.id())) {
            throw new GraphEditException("a wire with id '" + wire.id() + "' already exists");
        }
        if (!nodes.containsKey(wire.from().nodeId())) {
            throw new GraphEditException("wire " + wire.id() + " starts at missing node '" + wire.from().nodeId() + "'");
        }
        if (!nodes.containsKey(wire.to().nodeId())) {
            throw new GraphEditException("wire " + wire.id() + " ends at missing node '" + wire.to().nodeId() + "'");
        }
        if (wire.from().nodeId().equals(wire.to().nodeId())) {
            throw new GraphEditException("cannot connect " + wire.from() + " to " + wire.to()
                    + ": a node cannot feed itself (cycle)");
        }
        Optional<Wire> existing = wireInto(wire.to());
        if (existing.isPresent()) {
            throw new GraphEditException("input " + wire.to() + " is already connected to " + existing.get().from());
        }
        try {
            graph.addEdge(wire.from().nodeId(), wire.to().nodeId(), wire);
        } catch (IllegalArgumentException cycle) {
            throw new GraphEditException("cannot connect " + wire.from() + " to " + wire.to()
                    + ": it would close a cycle");
        }
        wires.put(wire.id(), wire);
        fire(new DocumentChange.WireAdded(wire));
    }

    public Wire removeWire(String id) {
        Wire wire = wires.remove(id);
        if (wire == null) {
            throw new GraphEditException("no wire '" + id + "'");
        }
        graph.removeEdge(wire);
        fire(new DocumentChange.WireRemoved(wire));
        return wire;
    }

    /** Adds or replaces a group. */
    public void putGroup(Group group) {
        Group before = groups.put(group.id(), group);
        if (!group.equals(before)) {
            fire(new DocumentChange.GroupChanged(before, group));
        }
    }

    public Group removeGroup(String id) {
        Group before = groups.remove(id);
        if (before == null) {
            throw new GraphEditException("no group '" + id + "'");
        }
        fire(new DocumentChange.GroupChanged(before, null));
        return before;
    }

    public void setConfig(TrainingConfig after) {
        TrainingConfig before = config;
        config = Objects.requireNonNull(after);
        if (!before.equals(after)) {
            fire(new DocumentChange.ConfigChanged(before, after));
        }
    }

    // ---- whole-document comparison -----------------------------------------------------------

    /** An immutable snapshot of everything that is saved; equal snapshots mean equal documents. */
    public Snapshot snapshot() {
        return new Snapshot(Map.copyOf(new LinkedHashMap<>(nodes)), Map.copyOf(wires), Map.copyOf(groups), config);
    }

    /** Value of a document at one moment; {@code equals} compares every saved field. */
    public record Snapshot(Map<String, Node> nodes, Map<String, Wire> wires, Map<String, Group> groups,
            TrainingConfig config) { }
}
