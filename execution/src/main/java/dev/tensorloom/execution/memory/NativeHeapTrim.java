package dev.tensorloom.execution.memory;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Hands the native heap's free pages back to the system now and then, through glibc {@code malloc_trim(0)}.
 * The launcher keeps freed memory in glibc's arenas (fast: a step reuses its buffers without page faults), but
 * over thousands of steps an allocation now and then lands on arena pages no step had touched before, and the
 * process's resident memory creeps up without anything being held. One trim a minute releases those pages and
 * costs the next step a few page faults (docs/memory-over-time.md). Where {@code malloc_trim} does not exist
 * (non-glibc), trimming does nothing.
 */
public final class NativeHeapTrim {

    /**
     * How often a long run trims: rare enough that re-faulting the step's buffers costs nothing measurable. The
     * system property {@code tensorloom.heapTrimSeconds} overrides it (0: never, for comparing with and without).
     */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(Long.getLong("tensorloom.heapTrimSeconds", 60));

    private static final Function MALLOC_TRIM = lookup();

    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastTrim;

    private NativeHeapTrim(Duration interval, LongSupplier clock) {
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.lastTrim = clock.getAsLong();
    }

    /** A trimmer that trims at most once per {@code interval} of wall-clock time, counted from now. */
    public static NativeHeapTrim every(Duration interval) {
        return new NativeHeapTrim(interval, System::nanoTime);
    }

    /** The same, on a clock the caller controls (tests). */
    static NativeHeapTrim every(Duration interval, LongSupplier clock) {
        return new NativeHeapTrim(interval, clock);
    }

    /** Trims if the interval has passed since the last trim (never for a zero interval); returns whether it trimmed. */
    public boolean maybeTrim() {
        long now = clock.getAsLong();
        if (intervalNanos <= 0 || now - lastTrim < intervalNanos) {
            return false;
        }
        lastTrim = now;
        trimNow();
        return true;
    }

    /** Whether this platform's C library can trim its heap. */
    public static boolean available() {
        return MALLOC_TRIM != null;
    }

    /** Hands every free native heap page back to the system now; returns whether glibc released any memory. */
    public static boolean trimNow() {
        if (MALLOC_TRIM == null) {
            return false;
        }
        // malloc_trim(size_t pad): pad 0 keeps nothing spare at the top of the main arena.
        return MALLOC_TRIM.invokeInt(new Object[] {0L}) != 0;
    }

    private static Function lookup() {
        try {
            return NativeLibrary.getInstance("c").getFunction("malloc_trim");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
