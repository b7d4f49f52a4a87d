package dev.tensorloom.execution.session;

import java.util.Set;

/**
 * Which nodes' activations are copied out for the views, and how often: copying costs a device sync and
 * a transfer, so only watched nodes are snapshotted, at most every {@code everySteps} steps.
 *
 * @param nodes      the watched node ids (ignored when {@code all})
 * @param all        watch every node
 * @param everySteps snapshot on steps 0, N, 2N… (0-based)
 */
public record SnapshotPolicy(Set<String> nodes, boolean all, int everySteps) {
    public static final SnapshotPolicy NONE = new SnapshotPolicy(Set.of(), false, 1);

    public SnapshotPolicy {
        nodes = Set.copyOf(nodes);
        if (everySteps < 1) {
            throw new IllegalArgumentException("everySteps must be at least 1");
        }
    }

    public static SnapshotPolicy nodes(Set<String> nodes, int everySteps) {
        return new SnapshotPolicy(nodes, false, everySteps);
    }

    public static SnapshotPolicy all(int everySteps) {
        return new SnapshotPolicy(Set.of(), true, everySteps);
    }

    boolean due(long step) {
        return (all || !nodes.isEmpty()) && step % everySteps == 0;
    }

    boolean watches(String nodeId) {
        return all || nodes.contains(nodeId);
    }
}
