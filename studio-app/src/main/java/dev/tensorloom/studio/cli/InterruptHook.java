package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.session.TrainingSession;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C and SIGTERM during {@code train}: instead of dying mid-step, the run stops after its current step
 * and the command saves what it trained (metrics marked interrupted, weights, training state) before the
 * process exits, with the JVM's usual 130 or 143. A JVM shutdown hook, so it works with any launcher; the
 * hook waits for {@link #outputsWritten} because the JVM halts as soon as its hooks return.
 */
final class InterruptHook implements AutoCloseable {
    /** Long enough for the slowest step of a big model and the save after it; kill -9 ends it sooner. */
    private static final long WAIT_MINUTES = 30;

    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);
    private volatile boolean fired;

    InterruptHook(TrainingSession session, PrintWriter err) {
        hook = new Thread(() -> {
            fired = true;
            err.println();
            err.println("tensorloom: interrupted; stopping after the current step to save what was trained"
                    + " (kill -9 quits at once and loses it)");
            err.flush();
            session.stop();
            try {
                written.await(WAIT_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tensorloom-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once a signal asked the process to end. */
    boolean fired() {
        return fired;
    }

    /** The run's outputs are on disk (or could not be written): the process may end now. */
    void outputsWritten() {
        written.countDown();
    }

    /** Unregisters the hook when the command ends on its own (in tests, the JVM lives on). */
    @Override
    public void close() {
        outputsWritten();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and has just been released.
        }
    }
}
