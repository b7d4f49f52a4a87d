package dev.tensorloom.execution.exec;

/** Receives every {@link ExecutorAction} on the training thread; keep it quick. */
@FunctionalInterface
public interface ExecutorListener {
    ExecutorListener NONE = action -> { };

    void onAction(ExecutorAction action);
}
