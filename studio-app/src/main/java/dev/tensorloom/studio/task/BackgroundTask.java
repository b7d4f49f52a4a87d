package dev.tensorloom.studio.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Long work (file I/O, validation, estimates, preparing a run) off the UI thread, with callbacks on the UI
 * thread. Anchor: JabRef's {@code BackgroundTask}: build with {@link #wrap}, add callbacks, then
 * {@link #executeWith}; {@link #cancel} drops a result nobody wants any more, and work that reports its
 * progress ({@link Work}) can see the cancellation and stop early.
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {
    /** Work that reports progress and can see a cancellation. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What running work may tell its task, from the background thread. */
    public interface Progress {
        /** {@code done} of {@code total} units finished; reaches {@link #onProgress} on the UI thread. */
        void update(long done, long total);

        /** Whether the task was cancelled; work that loops checks it and stops early. */
        boolean isCancelled();
    }

    private final Work<T> work;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private DoubleConsumer onProgress = p -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(progress -> work.call());
    }

    public static <T> BackgroundTask<T> wrap(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Called on the UI thread before the work starts. */
    public BackgroundTask<T> onRunning(Runnable callback) {
        onRunning = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread with the result, unless the task was cancelled. */
    public BackgroundTask<T> onSuccess(Consumer<T> callback) {
        onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread with what the work threw, unless the task was cancelled. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread with the fraction done (0 to 1) each time the work reports progress. */
    public BackgroundTask<T> onProgress(DoubleConsumer callback) {
        onProgress = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread once the work ended, whichever way: after success, failure or cancellation. */
    public BackgroundTask<T> onFinished(Runnable callback) {
        onFinished = Objects.requireNonNull(callback);
        return this;
    }

    /** Drops the result: neither success nor failure is reported; work that checks {@link Progress} stops. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public BackgroundTask<T> executeWith(TaskExecutor executor) {
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                double fraction = total <= 0 ? 0 : Math.min(1, Math.max(0, (double) done / total));
                executor.ui(() -> onProgress.accept(fraction));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        executor.ui(() -> {
            onRunning.run();
            executor.background(() -> {
                T result;
                try {
                    result = work.call(progress);
                } catch (Exception | Error e) {
                    executor.ui(() -> finish(() -> onFailure.accept(e)));
                    return;
                }
                // Outside the try: with a direct executor a throwing onSuccess must not also report a failure.
                executor.ui(() -> finish(() -> onSuccess.accept(result)));
            });
        });
        return this;
    }

    private void finish(Runnable outcome) {
        try {
            if (!cancelled.get()) {
                outcome.run();
            }
        } finally {
            onFinished.run();
        }
    }
}
