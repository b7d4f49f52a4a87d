package dev.tensorloom.canvas.layout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one background thread ELK layouts run on, and ELK's warm-up on it. Layouts are rare and two
 * at once would only compete; the thread has a big stack because ELK recurses as deep as a graph is
 * long. Apart from {@link dev.tensorloom.canvas.GraphCanvas} so that an application can start the warm-up before JavaFX
 * controls may be loaded.
 */
public final class LayoutThread {
    /** Stack of the layout thread: ELK's recursion on a 5,000-node chain overflows the default. */
    private static final long STACK_BYTES = 64L << 20;
    private static final Executor THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "tensorloom-auto-layout", STACK_BYTES);
        t.setDaemon(true);
        return t;
    });
    /** Layouts asked for and not yet started: the warm-up stops between its rounds when one waits. */
    private static final AtomicInteger WAITING = new AtomicInteger();
    private static CompletableFuture<Void> warmUp;

    private LayoutThread() {
    }

    /**
     * Starts ELK's warm-up in the background, so that the first auto-layout of a big graph does not
     * pay for loading and compiling ELK: an application calls this at start, before any project is
     * open (the first canvas calls it too). Returns at once.
     */
    public static void warmUpInBackground() {
        warmUp();
    }

    /**
     * Starts the warm-up if nobody did yet; completes when it has run. A layout asked for meanwhile
     * queues behind the warm-up's current round, which then stops.
     */
    public static synchronized CompletableFuture<Void> warmUp() {
        if (warmUp == null) {
            warmUp = CompletableFuture.runAsync(() -> ElkAutoLayout.warmUp(() -> WAITING.get() > 0), THREAD);
        }
        return warmUp;
    }

    /** Runs a layout on the thread, after what is queued there. */
    public static <T> CompletableFuture<T> submit(Supplier<T> layout) {
        WAITING.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            WAITING.decrementAndGet();
            return layout.get();
        }, THREAD);
    }
}
