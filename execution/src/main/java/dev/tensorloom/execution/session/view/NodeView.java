package dev.tensorloom.execution.session.view;

/**
 * A picture offered to the activation view beyond a node's plain output: where it teaches more than a
 * heatmap (attention per head, a flow's latent space and samples, a detector's boxes, a sampler's steps).
 */
public sealed interface NodeView permits AttentionHeads, LatentScatter, FlowSamples, SamplerSteps, DetectionPicture {
    /** The training step the picture was taken at (after that step's update for model pictures). */
    long step();
}
