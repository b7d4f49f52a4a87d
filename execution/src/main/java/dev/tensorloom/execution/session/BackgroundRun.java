package dev.tensorloom.execution.session;

import java.util.concurrent.TimeUnit;

/**
 * What every engine's {@link TrainingRun} keeps alike: its state, its summary and the one background thread
 * that carries it, all under {@link #lock}, which the engine also holds for its own fields.
 */
public abstract class BackgroundRun implements TrainingRun {
    /** Guards {@link #state}, {@link #summary}, the worker thread and whatever else the engine keeps. */
    protected final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    protected State state = State.NEW;
    /** Guarded by {@link #lock}; set when the run ends. */
    protected RunSummary summary;
    private Thread worker;

    /** Starts {@code body} on a daemon thread named {@code name}, the one {@link #awaitTermination} waits for. */
    protected final void startWorker(Runnable body, String name) {
        synchronized (lock) {
            worker = new Thread(body, name);
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public final State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Waits for the run's thread to end; true when it did within the timeout, false before the run started. */
    @Override
    public final boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = worker;
        }
        if (t == null) {
            return false;
        }
        t.join(unit.toMillis(timeout));
        return !t.isAlive();
    }

    /** The summary once the run ended (finished, stopped, or failed: then up to its last finished step), else null. */
    @Override
    public final RunSummary summary() {
        synchronized (lock) {
            return summary;
        }
    }
}
