package dev.tensorloom.model.doc;

import java.util.Objects;

/** One port of one node: the node's stable id and the port's name. Written as {@code node.port}. */
public record PortRef(String nodeId, String port) implements Comparable<PortRef> {
    public PortRef {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(port, "port");
    }

    /**
     * Reads {@code node.port}. The port is what follows the last dot: port names never hold one, node ids
     * may.
     *
     * @throws IllegalArgumentException when the text has no dot, or nothing before or after the last one
     */
    public static PortRef parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a port reference (expected node.port)");
        }
        return new PortRef(text.substring(0, dot), text.substring(dot + 1));
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
