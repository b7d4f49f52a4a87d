package dev.tensorloom.execution.train;

import ai.djl.training.tracker.ParameterTracker;

/**
 * A DJL learning-rate tracker whose value the trainer sets once per step, so every parameter of a step
 * uses the same rate no matter how DJL counts per-parameter updates.
 */
final class SteppedTracker implements ParameterTracker {
    private volatile float value;

    void set(double rate) {
        value = (float) rate;
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return value;
    }
}
