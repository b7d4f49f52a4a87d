package dev.tensorloom.studio.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/** Background work on a small pool of daemon threads; results back on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    // Two threads: a slow validation must not hold up a save, but the machine gains nothing from more.
    private final ExecutorService pool;

    /** Background threads at normal priority (screenshots and tests: nobody waits on the window). */
    public FxTaskExecutor() {
        this(false);
    }

    /** @param yieldToUi whether background work (model checks, memory measurements) steps back for the FX thread */
    public FxTaskExecutor(boolean yieldToUi) {
        pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(() -> {
                if (yieldToUi) {
                    BackgroundPriority.lowerCurrentThread();
                }
                r.run();
            }, "tensorloom-background-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void background(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void ui(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    /** Stops taking work; running work finishes on its daemon thread. */
    public void shutdown() {
        pool.shutdown();
    }
}
