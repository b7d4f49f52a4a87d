package dev.tensorloom.execution.session.view;

/**
 * The output z of a flow step for the batch (first two features), to compare with the standard normal
 * the flow's last step is trained to reach.
 *
 * @param dimension the features of z (only the first two are kept)
 */
public record LatentScatter(long step, String nodeId, int dimension, Points z) implements NodeView {
}
