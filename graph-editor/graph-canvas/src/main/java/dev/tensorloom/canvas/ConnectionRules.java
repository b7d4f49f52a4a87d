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
        Optional<Node> source = doc.node(from.nodeId());
        Optional<Node> target = doc.node(to.nodeId());
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.of("cannot connect " + from + " to " + to + ": a node is missing");
        }
        Optional<PortSpec> out = catalog.find(source.get().type()).flatMap(t -> t.output(from.port()));
        Optional<PortSpec> in = catalog.find(target.get().type()).flatMap(t -> t.input(to.port()));
        if (out.isEmpty()) {
            return Optional.of(from + " is not an output of " + source.get().type());
        }
        if (in.isEmpty()) {
            return Optional.of(to + " is not an input of " + target.get().type());
        }
        if (!in.get().dtype().accepts(out.get().dtype())) {
            return Optional.of(to + " expects " + in.get().dtype() + " but " + from + " gives " + out.get().dtype());
        }
        Optional<Wire> fed = doc.wireInto(to);
        if (fed.isPresent()) {
            return Optional.of("input " + to + " is already connected to " + fed.get().from());
        }
        if (from.nodeId().equals(to.nodeId()) || reaches(to.nodeId(), from.nodeId())) {
            return Optional.of("cannot connect " + from + " to " + to + ": it would close a cycle");
        }
        return extra.refusal(from, to);
    }

    /** The output port spec of a node, or empty for unknown types or ports. */
    Optional<PortSpec> outputSpec(PortRef ref) {
        return doc.node(ref.nodeId()).flatMap(n -> catalog.find(n.type())).flatMap(t -> t.output(ref.port()));
    }

    Optional<BlockType> typeOf(String nodeId) {
        return doc.node(nodeId).flatMap(n -> catalog.find(n.type()));
    }

    /** Whether {@code target} is downstream of {@code start} (so a wire target→start would be a cycle). */
    private boolean reaches(String start, String target) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (v.equals(target)) {
                return true;
            }
            if (seen.add(v)) {
                for (Wire w : doc.outgoing(v)) {
                    todo.push(w.to().nodeId());
                }
            }
        }
        return false;
    }
}
