package dev.tensorloom.execution.session.view;

/**
 * Samples of a normalizing flow (standard normal noise through every step's inverse) next to the
 * training data they should match, first two features of each.
 *
 * @param dimension the data's features
 */
public record FlowSamples(long step, int dimension, Points data, Points samples) implements NodeView {
}
