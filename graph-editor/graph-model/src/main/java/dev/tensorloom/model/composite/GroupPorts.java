package dev.tensorloom.model.composite;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ports a group shows as one block: one input per port outside the group that feeds it (a residual
 * block fed into its first layer and its skip connection has one input), one output per port inside it that
 * is read outside. A wire crossing the group's edge attaches to the port of its source ({@link Wire#from()}),
 * whichever side that is on. Named after the inner port ({@code in}, {@code out}); where two would share a
 * name, after node and port ({@code fc1.out}).
 *
 * @param inputs  outside source → input port name, in order of the inner nodes
 * @param outputs inner source → output port name, in the same order
 * @param firstFed outside source → the first inner input it feeds (what the port stands for)
 */
public record GroupPorts(Map<PortRef, String> inputs, Map<PortRef, String> outputs, Map<PortRef, PortRef> firstFed) {

    /** The ports of group {@code groupId} in {@code doc} (nested groups' nodes count as inside). */
    public static GroupPorts of(Document doc, String groupId) {
        Set<String> inside = new HashSet<>(GroupTree.allMembers(doc, groupId));
        Map<PortRef, PortRef> fed = new LinkedHashMap<>();
        List<PortRef> read = new ArrayList<>();
        for (String id : doc.topologicalOrder()) {
            if (!inside.contains(id)) {
                continue;
            }
            for (Wire w : doc.incoming(id)) {
                if (!inside.contains(w.from().nodeId())) {
                    fed.putIfAbsent(w.from(), w.to());
                }
            }
            for (Wire w : doc.outgoing(id)) {
                if (!inside.contains(w.to().nodeId()) && !read.contains(w.from())) {
                    read.add(w.from());
                }
            }
        }
        Map<PortRef, String> inputs = names(new ArrayList<>(fed.keySet()), fed);
        Map<PortRef, PortRef> self = new LinkedHashMap<>();
        read.forEach(r -> self.put(r, r));
        return new GroupPorts(inputs, names(read, self), fed);
    }

    /** Names each key after the inner port it stands for; clashing names get the node id in front. */
    private static Map<PortRef, String> names(List<PortRef> keys, Map<PortRef, PortRef> inner) {
        Map<String, Integer> uses = new LinkedHashMap<>();
        keys.forEach(k -> uses.merge(inner.get(k).port(), 1, Integer::sum));
        Map<PortRef, String> out = new LinkedHashMap<>();
        for (PortRef k : keys) {
            PortRef p = inner.get(k);
            out.put(k, uses.get(p.port()) > 1 ? p.nodeId() + "." + p.port() : p.port());
        }
        return out;
    }
}
