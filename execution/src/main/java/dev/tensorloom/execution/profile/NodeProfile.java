package dev.tensorloom.execution.profile;

import java.util.List;

/**
 * What a profiling pass measured, per plan step (source steps included, with their batch bytes).
 *
 * @param savedBytes   per step, bytes its taped forward left held: outputs plus autograd-saved tensors
 *                     not shared with its inputs
 * @param outputBytes  per step, bytes of its outputs (exact, from the arrays)
 * @param forwardNanos per step, time of its taped forward
 * @param measured     true when saved bytes come from native memory measurement; false when the platform
 *                     cannot measure and saved bytes are the output bytes (a lower bound)
 */
public record NodeProfile(List<Long> savedBytes, List<Long> outputBytes, List<Long> forwardNanos, boolean measured) {

    public NodeProfile {
        savedBytes = List.copyOf(savedBytes);
        outputBytes = List.copyOf(outputBytes);
        forwardNanos = List.copyOf(forwardNanos);
        if (savedBytes.size() != outputBytes.size() || savedBytes.size() != forwardNanos.size()) {
            throw new IllegalArgumentException("profile lists differ in length");
        }
    }

    public int size() {
        return savedBytes.size();
    }

    /** Sum of saved bytes over the given steps. */
    public long savedBytes(int step) {
        return savedBytes.get(step);
    }

    public long outputBytes(int step) {
        return outputBytes.get(step);
    }

    public long forwardNanos(int step) {
        return forwardNanos.get(step);
    }
}
