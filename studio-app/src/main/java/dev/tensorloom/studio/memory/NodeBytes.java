package dev.tensorloom.studio.memory;

/**
 * Saved-activation bytes of one bar of the memory view as profiled, and what the chosen policy does with them.
 *
 * @param nodeId    the node, or the collapsed group that stands for the nodes inside it
 * @param label     what the bar is called (a group's label)
 * @param group     true for a group's bar, which expands into the items inside it
 */
public record NodeBytes(String nodeId, long bytes, String treatment, String label, boolean group) {
    /** A single node's bar. */
    public NodeBytes(String nodeId, long bytes, String treatment) {
        this(nodeId, bytes, treatment, nodeId, false);
    }
}
