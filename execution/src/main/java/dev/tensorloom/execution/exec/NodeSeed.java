package dev.tensorloom.execution.exec;

/**
 * The engine seed the executor sets before each evaluation of a node in a training step, so that a
 * recomputation draws the same random numbers, and an export can replay them.
 */
public final class NodeSeed {
    private NodeSeed() {
    }

    /** The seed of node {@code stepIndex} in training step {@code globalStep} of a run seeded {@code seed}. */
    public static int of(long seed, long globalStep, int stepIndex) {
        long z = seed * 0x9E3779B97F4A7C15L + globalStep * 0xBF58476D1CE4E5B9L + stepIndex * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }
}
