package dev.tensorloom.execution.session;

import dev.tensorloom.execution.session.view.NodeView;
import java.util.ArrayList;
import java.util.List;

/**
 * What one output port of one node held at one training step: statistics, a preview, and any extra
 * pictures (attention heads the op published, a flow step's latent scatter, model pictures such as
 * samples, drawn after the step's update and sent as a second snapshot of the same step).
 *
 * @param output the port's index among the node's outputs (0 for the first, which carries the pictures)
 */
public record ActivationSnapshot(long step, String nodeId, int output, String port, ActivationStats stats,
        Preview preview, List<NodeView> views) {
    public ActivationSnapshot {
        views = List.copyOf(views);
    }

    /** This snapshot with {@code more} pictures added after its own. */
    public ActivationSnapshot withViews(List<? extends NodeView> more) {
        List<NodeView> all = new ArrayList<>(views);
        all.addAll(more);
        return new ActivationSnapshot(step, nodeId, output, port, stats, preview, all);
    }
}
