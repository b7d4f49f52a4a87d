package dev.tensorloom.execution.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.train.Trainer;
import java.util.Map;

/** Puts a saved {@link TrainingState} back into a fresh run: parameters, buffers and the optimizer's state. */
final class ResumedState {
    private ResumedState() {
    }

    /**
     * Restores {@code state}. Parameters are created on a node's first forward, so a run that has not
     * planned a checkpoint policy (which profiles, and so creates them) first runs {@code batch} forward
     * without autograd; the values it creates are overwritten at once.
     *
     * @throws IllegalArgumentException when the state does not fit this model (another graph, other shapes)
     */
    static void restore(TrainingState state, Executor executor, Trainer trainer, Map<String, NDArray> batch) {
        ParameterStore store = executor.store();
        if (store.nodeIds().isEmpty()) {
            executor.evaluate(batch, ForwardObserver.NONE);
        }
        long expected = store.parameters().size() + store.buffers().size();
        if (state.arrays().size() != expected) {
            throw new IllegalArgumentException("the saved run holds " + state.arrays().size()
                    + " parameters and buffers, this model has " + expected + "; was the graph changed?");
        }
        try (NDManager scratch = store.manager().newSubManager()) {
            state.arrays().forEach((key, bytes) -> store.assign(key, NDArray.decode(scratch, bytes)));
        }
        trainer.restoreOptimizer(state.optimizer());
        if (trainer.updates() != state.step()) {
            throw new IllegalArgumentException("the saved optimizer took " + trainer.updates()
                    + " steps but the run " + state.step());
        }
    }
}
