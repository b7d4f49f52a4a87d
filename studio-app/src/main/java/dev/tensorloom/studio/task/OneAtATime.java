package dev.tensorloom.studio.task;

import java.util.function.Consumer;

/**
 * Background work of one kind that runs one at a time: a request while one runs is remembered (the newest
 * wins) and started when the running one reports {@link #done}. A burst of edits or a slider drag so costs
 * two runs, not one per event. Requests and {@code done} come on the UI thread.
 *
 * @param <T> what a request carries (for example the policy to plan); requests without one pass null
 */
public final class OneAtATime<T> {
    private final Consumer<T> start;
    private volatile boolean running;
    private volatile boolean queued;
    private T next;

    /** @param start starts one run for a request; the run must call {@link #done} when it has finished */
    public OneAtATime(Consumer<T> start) {
        this.start = start;
    }

    /** Starts a run now, or after the running one (replacing any request already waiting). */
    public void request(T value) {
        if (running) {
            next = value;
            queued = true;
            return;
        }
        running = true;
        start.accept(value);
    }

    /** The running one has finished: starts the waiting request, if any. */
    public void done() {
        running = false;
        if (queued) {
            queued = false;
            T value = next;
            next = null;
            request(value);
        }
    }

    /** True while a run is going or waiting. */
    public boolean busy() {
        return running || queued;
    }
}
