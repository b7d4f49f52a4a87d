package dev.tensorloom.studio.memory;

/** Saved-activation bytes of one node as profiled, and what the chosen policy does with it. */
public record NodeBytes(String nodeId, long bytes, String treatment) {
}
