package dev.tensorloom.execution.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Exact count of the bytes the scheduler holds, by tag (for example a node id plus "saved" or
 * "checkpoint"). What the scheduler believes it holds, to set beside what the process measures.
 * Not thread-safe: one scheduler thread owns it.
 */
public final class MemoryLedger {

    private final Map<String, Long> held = new LinkedHashMap<>();
    private long current;
    private long peak;

    /** Records {@code bytes} under a tag not yet held. */
    public void add(String tag, long bytes) {
        Objects.requireNonNull(tag, "tag");
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size for '" + tag + "': " + bytes);
        }
        if (held.putIfAbsent(tag, bytes) != null) {
            // A silent overwrite would hide a double store, the bug this ledger exists to catch.
            throw new IllegalStateException("'" + tag + "' is already held");
        }
        current += bytes;
        peak = Math.max(peak, current);
    }

    /** Releases a held tag and returns its bytes. */
    public long remove(String tag) {
        Long bytes = held.remove(tag);
        if (bytes == null) {
            throw new IllegalStateException("'" + tag + "' is not held");
        }
        current -= bytes;
        return bytes;
    }

    public boolean holds(String tag) {
        return held.containsKey(tag);
    }

    public long current() {
        return current;
    }

    /** Highest {@link #current()} since creation or the last {@link #resetPeak()}. */
    public long peak() {
        return peak;
    }

    /** Starts a new peak window at the current level, e.g. per training step. */
    public void resetPeak() {
        peak = current;
    }
}
