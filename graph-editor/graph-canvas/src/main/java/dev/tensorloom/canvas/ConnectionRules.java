package dev.tensorloom.canvas;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, before a wire is drawn, whether an output port may feed an input port, and says why not:
 * unknown port, dtype mismatch, input already fed, a cycle, or the extra {@link ConnectionCheck}.
 * The document refuses the same things on its own; asking first lets ports dim while dragging.
 */
final class ConnectionRules {
    private final Document doc;
    private final BlockCatalog catalog;

    ConnectionRules(Document doc, BlockCatalog catalog) {
        this.doc = doc;
        this.catalog = catalog;
    }

    /** Why {@code from} (an output) must not feed {@code to} (an input), or empty when it may. */
    Optional<String> refusal(PortRef from, PortRef to, ConnectionCheck extra) {
        return forSource(from, extra).apply(to);
    }

    /**
     * A check for many inputs against one output, as while dragging a wire: the nodes upstream of
     * the source are found once, so checking every port on the canvas stays linear.
     */
    Function<PortRef, Optional<String>> forSource(PortRef from, ConnectionCheck extra) {
        Optional<Node> source = doc.node(from.nodeId());
        Optional<PortSpec> out = source.flatMap(n -> catalog.find(n.type())).flatMap(t -> t.output(from.port()));
        Set<String> upstream = source.isPresent() ? upstreamOf(from.nodeId()) : Set.of();
        return to -> {
            Optional<Node> target = doc.node(to.nodeId());
            if (source.isEmpty() || target.isEmpty()) {
                return Optional.of("cannot connect " + from + " to " + to + ": a node is missing");
            }
            if (out.isEmpty()) {
                return Optional.of(from + " is not an output of " + source.get().type());
            }
            Optional<PortSpec> in = catalog.find(target.get().type()).flatMap(t -> t.input(to.port()));
            if (in.isEmpty()) {
                return Optional.of(to + " is not an input of " + target.get().type());
            }
            if (!in.get().dtype().accepts(out.get().dtype())) {
                return Optional.of(to + " expects " + in.get().dtype() + " but " + from + " gives "
                        + out.get().dtype());
            }
            Optional<Wire> fed = doc.wireInto(to);
            if (fed.isPresent()) {
                return Optional.of("input " + to + " is already connected to " + fed.get().from());
            }
            if (upstream.contains(to.nodeId())) {
                return Optional.of("cannot connect " + from + " to " + to + ": it would close a cycle");
            }
            return extra.refusal(from, to);
        };
    }

    /** The node and every node it depends on (a wire from it into any of them would close a cycle). */
    private Set<String> upstreamOf(String start) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (seen.add(v)) {
                for (Wire w : doc.incoming(v)) {
                    todo.push(w.from().nodeId());
                }
            }
        }
        return seen;
    }

    /** The output port spec of a node, or empty for unknown types or ports. */
    Optional<PortSpec> outputSpec(PortRef ref) {
        return doc.node(ref.nodeId()).flatMap(n -> catalog.find(n.type())).flatMap(t -> t.output(ref.port()));
    }

    Optional<BlockType> typeOf(String nodeId) {
        return doc.node(nodeId).flatMap(n -> catalog.find(n.type()));
    }
}
