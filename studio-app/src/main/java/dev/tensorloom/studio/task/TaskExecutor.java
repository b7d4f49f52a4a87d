package dev.tensorloom.studio.task;

/**
 * Where {@link BackgroundTask}s run their work and where they report back. The studio uses a
 * background thread and the FX thread; view-model tests use {@link #direct()} so they need no stage.
 */
public interface TaskExecutor {
    /** Runs long work away from the UI thread. */
    void background(Runnable work);

    /** Runs a short update on the UI thread. */
    void ui(Runnable update);

    /** Runs everything immediately on the calling thread (tests). */
    static TaskExecutor direct() {
        return new TaskExecutor() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void ui(Runnable update) {
                update.run();
            }
        };
    }
}
