package dev.tensorloom.studio.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Gathers UI work posted from any thread into one task on the UI thread: what arrives before that task
 * runs goes with it. Every throttled view delivers on the same ticks (see {@link #tickFor}) and through
 * one coalescer, so their updates land in the same frame: the window lays out and repaints once per tick
 * instead of once per view, each at its own moment.
 */
public final class FrameCoalescer {
    private final Consumer<Runnable> ui;
    private final Object lock = new Object();
    private List<Runnable> pending = new ArrayList<>();

    /** @param ui runs a task on the UI thread ({@code Platform::runLater} in the studio) */
    public FrameCoalescer(Consumer<Runnable> ui) {
        this.ui = Objects.requireNonNull(ui);
    }

    /** Queues {@code work}; the first one queued since the last drain asks the UI thread for a drain. */
    public void post(Runnable work) {
        boolean first;
        synchronized (lock) {
            first = pending.isEmpty();
            pending.add(work);
        }
        if (first) {
            ui.accept(this::drain);
        }
    }

    private void drain() {
        List<Runnable> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
        }
        for (Runnable r : batch) {
            r.run();
        }
    }

    /**
     * The tick (a multiple of {@code interval}, after {@code now}) that a delivery asked for in {@code delay}
     * waits for: deliveries run on the ticks of a clock shared by all views, so views of the same rate update
     * together. Up to half an interval early counts as on time, so a batch delivered a little after its tick
     * still lets the next one take the following tick instead of skipping one.
     */
    public static long tickFor(long now, long delay, long interval) {
        long target = Math.max(now + 1, now + delay - interval / 2);
        return Math.floorDiv(target + interval - 1, interval) * interval;
    }
}
