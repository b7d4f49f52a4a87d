package dev.tensorloom.execution.exec;

/**
 * Which node outputs the forward pass of a training step keeps for backward. A kept node runs with
 * autograd on and holds its outputs and local graph until its backward (unless {@link #keepsGraph} says
 * otherwise); every other node runs with
 * autograd off, its outputs are released once its forward consumers have run, and backward re-runs it
 * (with autograd on, from the nearest held ancestors) just before its gradient is needed.
 */
public interface ActivationSchedule {

    /** Keep everything: plain backpropagation, no recomputation. */
    ActivationSchedule NONE = new ActivationSchedule() {
        @Override
        public boolean keeps(int stepIndex) {
            return true;
        }

        @Override
        public String name() {
            return "none";
        }
    };

    /** True when the outputs of step {@code stepIndex} are kept through the forward pass. */
    boolean keeps(int stepIndex);

    /**
     * True when a kept node also keeps its autograd graph (its saved inputs), so backward need not re-run
     * it. False gives PyTorch {@code checkpoint_sequential} behaviour: only the output is stored, and the
     * node is recomputed, with its graph, from its producers when its own backward comes.
     */
    default boolean keepsGraph(int stepIndex) {
        return true;
    }

    /** Short name for reports. */
    String name();
}
