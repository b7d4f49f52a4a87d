package dev.tensorloom.studio.archfixture.leaf;

import ai.djl.ndarray.types.Shape;

/** A planner that reaches for DJL, which a leaf never does. */
public final class DjlPlanner {
    public Shape shape;
}
