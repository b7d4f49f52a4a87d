package dev.tensorloom.execution.memory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NativeHeapTrimTest {

    @Test
    void trimsOncePerIntervalAndNeverWithAZeroInterval() {
        AtomicLong now = new AtomicLong(1_000);
        NativeHeapTrim every = NativeHeapTrim.every(Duration.ofNanos(100), now::get);
        assertFalse(every.maybeTrim(), "not before the interval has passed");
        now.addAndGet(99);
        assertFalse(every.maybeTrim());
        now.addAndGet(1);
        assertTrue(every.maybeTrim());
        assertFalse(every.maybeTrim(), "the interval counts again from the last trim");
        now.addAndGet(100);
        assertTrue(every.maybeTrim());

        NativeHeapTrim never = NativeHeapTrim.every(Duration.ZERO, now::get);
        now.addAndGet(1_000_000);
        assertFalse(never.maybeTrim());
    }

    @Test
    void aTrimHandsFreedHeapPagesBackToTheSystem() throws Exception {
        assertTrue(NativeHeapTrim.available(), "glibc's malloc_trim is missing on this Linux build machine");
        Function malloc = NativeLibrary.getInstance("c").getFunction("malloc");
        Function free = NativeLibrary.getInstance("c").getFunction("free");
        // 4,000 blocks of 16 KiB (under any mmap threshold, so they live in the heap), every page written, then
        // all but the last freed: the pages stay resident in the heap until a trim hands them back.
        int blocks = 4_000;
        long size = 16 * 1024;
        Pointer[] held = new Pointer[blocks];
        for (int i = 0; i < blocks; i++) {
            held[i] = malloc.invokePointer(new Object[] {size});
            held[i].setMemory(0, size, (byte) 1);
        }
        for (int i = 0; i < blocks - 1; i++) {
            free.invokeVoid(new Object[] {held[i]});
        }
        long before = residentKib();
        NativeHeapTrim.trimNow();
        long after = residentKib();
        free.invokeVoid(new Object[] {held[blocks - 1]});
        assertTrue(before - after > 32 * 1024, "a trim released " + (before - after) + " KiB of ~62 MiB freed");
    }

    private static long residentKib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new AssertionError("no VmRSS line in /proc/self/status");
    }
}
