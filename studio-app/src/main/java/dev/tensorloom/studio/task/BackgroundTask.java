package dev.tensorloom.studio.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Long work (file I/O, validation, estimates) off the UI thread, with callbacks on the UI thread.
 * Anchor: JabRef's {@code BackgroundTask}: build with {@link #wrap}, add callbacks, then
 * {@link #executeWith}.
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Called on the UI thread before the work starts. */
    public BackgroundTask<T> onRunning(Runnable callback) {
        onRunning = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<T> callback) {
        onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread with what the work threw. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public void executeWith(TaskExecutor executor) {
        executor.ui(() -> {
            onRunning.run();
            executor.background(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    executor.ui(() -> onFailure.accept(e));
                    return;
                }
                executor.ui(() -> onSuccess.accept(result));
            });
        });
    }
}
