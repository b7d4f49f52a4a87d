package dev.tensorloom.studio.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    /** The kernel's own account of the calling thread's nice value (field 19 of /proc/thread-self/stat). */
    private static int kernelNice() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    @Test
    void lowersOnlyTheCallingThreadAndItsLaterChildren() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = kernelNice();
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                boolean lowered = BackgroundPriority.lowerCurrentThread();
                int own = kernelNice();
                int reported = BackgroundPriority.currentNice().orElse(Integer.MIN_VALUE);
                AtomicInteger child = new AtomicInteger(Integer.MIN_VALUE);
                Thread started = new Thread(() -> {
                    try {
                        child.set(kernelNice());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                started.start();
                started.join();
                seen.complete(new int[] {lowered ? 1 : 0, own, reported, child.get()});
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        worker.start();
        int[] r = seen.get();
        int expected = Math.max(before, BackgroundPriority.NICE);
        assertEquals(1, r[0], "setpriority succeeded");
        assertEquals(expected, r[1], "kernel nice of the lowered thread");
        assertEquals(expected, r[2], "getpriority agrees with the kernel");
        assertEquals(expected, r[3], "a thread started afterwards inherits it");
        assertEquals(before, kernelNice(), "the caller of the test keeps its priority");
        assertTrue(BackgroundPriority.currentNice().isPresent());
    }
}
