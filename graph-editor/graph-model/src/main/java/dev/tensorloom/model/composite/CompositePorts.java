package dev.tensorloom.model.composite;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which inner ports a composite exposes. Inputs: every input not fed by an inner wire that is
 * required or was fed from outside the group. Outputs: every output that feeds no inner node or was
 * read outside the group. Ports come in the inner graph's topological order, then declaration order.
 */
final class CompositePorts {
    final List<ExposedPort> inputs = new ArrayList<>();
    final List<ExposedPort> outputs = new ArrayList<>();

    CompositePorts(Document inner, BlockCatalog catalog, Set<PortRef> fedFromOutside, Set<PortRef> readOutside,
            Map<PortRef, String> names) {
        Set<PortRef> fedInside = new HashSet<>();
        Set<PortRef> readInside = new HashSet<>();
        for (Wire w : inner.wires()) {
            fedInside.add(w.to());
            readInside.add(w.from());
        }
        Set<String> used = new HashSet<>();
        for (String id : inner.topologicalOrder()) {
            BlockType type = catalog.require(inner.requireNode(id).type());
            for (PortSpec spec : type.inputs()) {
                PortRef ref = new PortRef(id, spec.name());
                if (!fedInside.contains(ref) && (!spec.optional() || fedFromOutside.contains(ref))) {
                    inputs.add(expose(ref, spec, names, used));
                }
            }
            for (PortSpec spec : type.outputs()) {
                PortRef ref = new PortRef(id, spec.name());
                if (!readInside.contains(ref) || readOutside.contains(ref)) {
                    outputs.add(expose(ref, spec, names, used));
                }
            }
        }
    }

    private static ExposedPort expose(PortRef ref, PortSpec spec, Map<PortRef, String> names, Set<String> used) {
        String name = names.getOrDefault(ref, ExposedPort.defaultName(ref));
        if (!used.add(name)) {
            throw new IllegalArgumentException("two ports of the composite would both be named '" + name + "'");
        }
        return new ExposedPort(name, ref, new PortSpec(name, spec.dtype(), spec.optional(), spec.help()));
    }
}
