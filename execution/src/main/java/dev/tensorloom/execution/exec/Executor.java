package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Plan;
import java.util.Map;

/**
 * Runs a {@link Plan} node by node: each node under its own sub-manager, each node's backward a
 * vector-Jacobian product through its own small autograd graph, activations kept or dropped and
 * recomputed as an {@link ActivationSchedule} says. Not thread-safe: use it from one thread (autograd
 * mode is per thread).
 */
public final class Executor implements AutoCloseable {
    private final Plan plan;
    private final ParameterStore store;
    private final long seed;
    private final NDManager root;

    public Executor(Plan plan, ParameterStore store, long seed) {
        this.plan = plan;
        this.store = store;
        this.seed = seed;
        this.root = NDManager.newBaseManager(plan.device());
    }

    public Plan plan() {
        return plan;
    }

    public ParameterStore store() {
        return store;
    }

    /** The manager under which every pass creates (and closes) its node managers. */
    public NDManager activationRoot() {
        return root;
    }

    /**
     * One training pass: zeroes parameter gradients, runs forward and backward, and leaves this batch's
     * gradients in the parameters (read them with {@link ParameterStore#gradient}).
     *
     * @param globalStep the training step number; with the seed it fixes every random draw of the pass
     * @param schedule   what to keep; a {@link RevolveSchedule} is followed action by action instead
     */
    public StepOutcome train(Map<String, NDArray> batch, long globalStep, ActivationSchedule schedule,
            ExecutorListener listener, ForwardObserver observer) {
        store.zeroGradients();
        try (NDManager stepManager = root.newSubManager()) {
            Pass pass = new Pass(plan, store, stepManager, batch, seed, globalStep, true, schedule, listener, observer);
            if (schedule instanceof RevolveSchedule chain) {
                new ChainPass(pass, plan, chain).run();
            } else {
                pass.forward();
                pass.backward();
            }
            return pass.outcome();
        }
    }

    /** A forward pass without autograd and in evaluation mode (no dropout), for held-out batches. */
    public StepOutcome evaluate(Map<String, NDArray> batch, ForwardObserver observer) {
        try (NDManager stepManager = root.newSubManager()) {
            Pass pass = new Pass(plan, store, stepManager, batch, seed, 0, false, ActivationSchedule.NONE,
                    ExecutorListener.NONE, observer);
            pass.forward();
            return pass.outcome();
        }
    }

    @Override
    public void close() {
        root.close();
    }
}
