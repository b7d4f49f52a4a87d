package dev.tensorloom.studio.run;

/** Where the run panel's training run is. */
public enum RunState {
    /** No run yet. */
    IDLE,
    /** Compiling the graph and opening the data (background). */
    PREPARING,
    RUNNING,
    PAUSED,
    /** Stop asked; the current step finishes first. */
    STOPPING,
    FINISHED,
    STOPPED,
    FAILED;

    /** True while a run exists that has not ended. */
    public boolean active() {
        return this == PREPARING || this == RUNNING || this == PAUSED || this == STOPPING;
    }
}
