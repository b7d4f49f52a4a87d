package dev.tensorloom.studio.activation;

import dev.tensorloom.model.composite.GroupPorts;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.PortRef;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the activation view watches for a canvas selection: a node is itself; a collapsed group stands for the
 * node behind its first output (a residual block's sum, a coupling step's z), which is what leaves the block.
 */
public final class WatchedNodes {
    private WatchedNodes() {
    }

    /** The selection with each group replaced by its output node; call on the thread that owns the document. */
    public static Set<String> of(Document doc, Set<String> selection) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : selection) {
            out.add(doc.group(id).isPresent() ? outputNode(doc, id) : id);
        }
        return out;
    }

    private static String outputNode(Document doc, String groupId) {
        return GroupPorts.of(doc, groupId).outputs().keySet().stream().findFirst().map(PortRef::nodeId)
                .orElse(groupId);
    }
}
