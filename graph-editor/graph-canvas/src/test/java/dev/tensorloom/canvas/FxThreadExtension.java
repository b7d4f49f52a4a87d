package dev.tensorloom.canvas;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Starts the JavaFX toolkit once (headless Monocle, from the surefire argLine) and runs every test
 * method and lifecycle method on the FX thread. Anchor: AtlantaFX's {@code JavaFXTest} extension.
 */
public final class FxThreadExtension implements BeforeAllCallback, InvocationInterceptor {
    private static volatile boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startToolkit();
    }

    /** Starts the toolkit if nobody did yet; also used by the benchmark. */
    public static synchronized void startToolkit() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch latch = new CountDownLatch(1);
        try {
            Platform.startup(latch::countDown);
        } catch (IllegalStateException alreadyRunning) {
            latch.countDown();
        }
        if (!latch.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX toolkit did not start");
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        onFxThread(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        onFxThread(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        onFxThread(invocation);
    }

    /**
     * Runs {@code work} as its own task on the FX thread and waits for its result, for tests that run on their
     * own thread: what one call queues (a {@code Platform.runLater}) has run before the next call starts.
     */
    public static <T> T call(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void onFxThread(Invocation<Void> invocation) throws Throwable {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                invocation.proceed();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }
}
