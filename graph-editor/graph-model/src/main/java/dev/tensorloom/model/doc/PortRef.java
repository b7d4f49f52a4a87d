package dev.tensorloom.model.doc;

import java.util.Objects;

/** One port of one node: the node's stable id and the port's name. Written as {@code node.port}. */
public record PortRef(String nodeId, String port) implements Comparable<PortRef> {
    public PortRef {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public int compareTo(PortRef other) {
        int c = nodeId.compareTo(other.nodeId);
        return c != 0 ? c : port.compareTo(other.port);
    }

    @Override
    public String toString() {
        return nodeId + "." + port;
    }
}
