package dev.tensorloom.execution.session;

import java.util.Map;

/**
 * What one output port of one node held at one training step: statistics, a preview, and any extra
 * views the op published (such as {@code "attention"}), each previewed the same way.
 */
public record ActivationSnapshot(long step, String nodeId, String port, ActivationStats stats, Preview preview,
        Map<String, Preview> views) {
    public ActivationSnapshot {
        views = Map.copyOf(views);
    }
}
