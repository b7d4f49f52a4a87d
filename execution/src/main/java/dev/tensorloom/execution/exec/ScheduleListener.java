package dev.tensorloom.execution.exec;

/** Receives every {@link ScheduleAction} on the training thread; keep it quick. */
@FunctionalInterface
public interface ScheduleListener {
    ScheduleListener NONE = action -> { };

    void onAction(ScheduleAction action);
}
