package dev.tensorloom.studio.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.python.PythonSetupException;
import dev.tensorloom.studio.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The setup dialog's states, with scripted setups on a real worker thread and no stage. */
class PythonSetupViewModelTest {
    private static final Path VENV = Path.of("/tmp/venv");

    private static PythonSetupViewModel vm(PythonSetupViewModel.Setup setup) {
        return new PythonSetupViewModel(setup, TaskExecutor.direct(), r -> new Thread(r, "setup").start(), VENV,
                "because");
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(5);
        }
    }

    @Test
    void aSuccessfulSetupReportsProgressLinesAndTheInterpreter() throws Exception {
        Path python = VENV.resolve("bin/python");
        PythonSetupViewModel vm = vm(listener -> {
            listener.onLine("Collecting torch==2.13.0");
            listener.onProgress(0.3, "collecting torch");
            return python;
        });
        AtomicReference<Path> ready = new AtomicReference<>();
        vm.setOnSucceeded(ready::set);
        vm.start();
        await(() -> vm.stateProperty().get() == PythonSetupViewModel.State.SUCCEEDED);
        assertEquals(python, ready.get());
        assertEquals(List.of("Collecting torch==2.13.0"), vm.log());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals("Python is ready: " + python, vm.outcomeProperty().get());
    }

    @Test
    void cancelInterruptsTheSetupAndEndsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cleanedUp = new CountDownLatch(1);
        PythonSetupViewModel vm = vm(listener -> {
            started.countDown();
            try {
                Thread.sleep(60_000); // pip, as far as the dialog knows
                return VENV;
            } finally {
                cleanedUp.countDown();
            }
        });
        vm.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        vm.cancel();
        assertTrue(cleanedUp.await(10, TimeUnit.SECONDS));
        await(() -> vm.stateProperty().get() == PythonSetupViewModel.State.CANCELLED);
        assertTrue(vm.outcomeProperty().get().startsWith("Setup cancelled"), vm.outcomeProperty().get());
    }

    @Test
    void aFailureShowsPipsMessageAndCanBeTriedAgain() throws Exception {
        int[] calls = {0};
        PythonSetupViewModel vm = vm(listener -> {
            if (calls[0]++ == 0) {
                throw new PythonSetupException("Could not install torch into Tensorloom's Python environment.",
                        "torch", "pip: ERROR: No matching distribution found for torch==2.13.0");
            }
            return VENV;
        });
        vm.start();
        await(() -> vm.stateProperty().get() == PythonSetupViewModel.State.FAILED);
        assertTrue(vm.outcomeProperty().get().contains("No matching distribution found for torch"));
        vm.start();
        await(() -> vm.stateProperty().get() == PythonSetupViewModel.State.SUCCEEDED);
    }
}
