package dev.tensorloom.execution.session;

import java.util.Objects;
import java.util.Set;

/**
 * Which nodes' activations are copied out for the views, and how often: copying costs a device sync and
 * a transfer, so only watched nodes are snapshotted, at most every {@code everySteps} steps.
 *
 * @param nodes      the watched node ids (ignored when {@code all})
 * @param all        watch every node
 * @param everySteps snapshot on steps 0, N, 2N… (0-based)
 * @param request    what the views ask beyond snapshots (attention example, model pictures)
 */
public record SnapshotPolicy(Set<String> nodes, boolean all, int everySteps, ViewRequest request) {
    public static final SnapshotPolicy NONE = new SnapshotPolicy(Set.of(), false, 1, ViewRequest.NONE);

    public SnapshotPolicy {
        nodes = Set.copyOf(nodes);
        Objects.requireNonNull(request);
        if (everySteps < 1) {
            throw new IllegalArgumentException("everySteps must be at least 1");
        }
    }

    public static SnapshotPolicy nodes(Set<String> nodes, int everySteps) {
        return new SnapshotPolicy(nodes, false, everySteps, ViewRequest.NONE);
    }

    public static SnapshotPolicy all(int everySteps) {
        return new SnapshotPolicy(Set.of(), true, everySteps, ViewRequest.NONE);
    }

    /** The same policy asking for {@code r} too. */
    public SnapshotPolicy withRequest(ViewRequest r) {
        return new SnapshotPolicy(nodes, all, everySteps, r);
    }

    boolean due(long step) {
        return (all || !nodes.isEmpty()) && step % everySteps == 0;
    }

    /** Model pictures are drawn only for watched nodes, and only when the request asks. */
    boolean modelViewsDue(long step, long steps) {
        return !all && !nodes.isEmpty() && request.modelViewsDue(step, steps);
    }

    boolean watches(String nodeId) {
        return all || nodes.contains(nodeId);
    }
}
