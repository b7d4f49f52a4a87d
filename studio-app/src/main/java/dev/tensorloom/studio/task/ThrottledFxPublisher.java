package dev.tensorloom.studio.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;

/**
 * Carries values from a worker thread (the training thread) to the UI thread in batches, at most one
 * batch per interval: values offered in between are collected and delivered together, in order. The
 * worker never waits for the UI, and the UI runs at most {@code 1 / interval} updates per second however
 * fast the worker produces.
 *
 * @param <T> the value type
 */
public final class ThrottledFxPublisher<T> {
    /** Runs a task after a delay (a scheduler thread in the studio, a manual clock in tests). */
    @FunctionalInterface
    public interface Delayer {
        void after(long delayNanos, Runnable task);
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tensorloom-ui-throttle");
        t.setDaemon(true);
        return t;
    });

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Delayer delayer;
    private final Consumer<Runnable> ui;
    private final Consumer<List<T>> sink;
    private final Object lock = new Object();
    private List<T> pending = new ArrayList<>();
    private boolean scheduled;
    private long lastFlush;
    private boolean flushedBefore;

    /**
     * @param intervalNanos least time between two deliveries
     * @param clock         current time in nanoseconds
     * @param delayer       runs the delivery request after the remaining wait
     * @param ui            runs a delivery on the UI thread
     * @param sink          receives each batch on the UI thread
     */
    public ThrottledFxPublisher(long intervalNanos, LongSupplier clock, Delayer delayer, Consumer<Runnable> ui,
            Consumer<List<T>> sink) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.intervalNanos = intervalNanos;
        this.clock = Objects.requireNonNull(clock);
        this.delayer = Objects.requireNonNull(delayer);
        this.ui = Objects.requireNonNull(ui);
        this.sink = Objects.requireNonNull(sink);
    }

    /** Delivers every publisher's batches onto the JavaFX thread, those due at the same tick together. */
    private static final FrameCoalescer FX_FRAMES = new FrameCoalescer(Platform::runLater);

    /**
     * A publisher onto the JavaFX thread delivering at most {@code perSecond} batches per second, on ticks
     * shared with every other such publisher of the same rate, so that the views' updates share frames.
     */
    public static <T> ThrottledFxPublisher<T> fx(int perSecond, Consumer<List<T>> sink) {
        long interval = 1_000_000_000L / perSecond;
        return new ThrottledFxPublisher<>(interval, System::nanoTime, (delay, task) -> {
            long now = System.nanoTime();
            TIMER.schedule(task, FrameCoalescer.tickFor(now, delay, interval) - now, TimeUnit.NANOSECONDS);
        }, FX_FRAMES::post, sink);
    }

    /** Queues a value; safe from any thread, never blocks on the UI. */
    public void offer(T value) {
        long wait;
        synchronized (lock) {
            pending.add(value);
            if (scheduled) {
                return;
            }
            scheduled = true;
            wait = flushedBefore ? Math.max(0, lastFlush + intervalNanos - clock.getAsLong()) : 0;
        }
        delayer.after(wait, () -> ui.accept(this::flush));
    }

    private void flush() {
        List<T> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
            // Measured when the UI actually ran the batch, so a busy UI thread spaces batches further apart.
            lastFlush = clock.getAsLong();
            flushedBefore = true;
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
