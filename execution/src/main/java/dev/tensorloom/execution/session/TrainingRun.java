package dev.tensorloom.execution.session;

import java.util.concurrent.TimeUnit;

/**
 * A training run in progress, whichever engine runs it: the studio's node-by-node DJL executor
 * ({@link TrainingSession}) or PyTorch in a child process. It reports through a {@link RunListener};
 * pause, resume and stop take effect between steps.
 */
public interface TrainingRun {
    /** Lifecycle of a run. */
    enum State { NEW, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    /** Starts the run; a run starts once. */
    void start();

    /** Asks the run to pause after the current step. */
    void pause();

    void resume();

    /** Asks the run to stop after the current step (also ends a pause). */
    void stop();

    State state();

    /** Waits for the run to end; true when it did within the timeout. */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;

    /** The summary once the run finished or was stopped, else null. */
    RunSummary summary();
}
