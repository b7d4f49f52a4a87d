package dev.tensorloom.execution.memory;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Structure;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Measures native heap bytes in use through glibc {@code mallinfo2()}, which also sees
 * libtorch's CPU allocations (autograd's saved tensors are invisible to the JVM and to DJL).
 * In-use bytes are {@code uordblks + hblkhd}: small-block heap in use plus mmapped blocks.
 * Where {@code mallinfo2} does not exist (non-glibc, glibc before 2.33) {@link #available()}
 * is false and {@link #inUseBytes()} is empty; it never guesses.
 */
public final class NativeMemoryProbe {

    private static final NativeMemoryProbe SYSTEM = mallinfo2(lookup());

    /** Reads bytes in use; null when this platform cannot measure. */
    private final LongSupplier reader;

    private NativeMemoryProbe(LongSupplier reader) {
        this.reader = reader;
    }

    private static NativeMemoryProbe mallinfo2(Function mallinfo2) {
        if (mallinfo2 == null) {
            return unavailable();
        }
        return new NativeMemoryProbe(() -> {
            Mallinfo2 info = (Mallinfo2) mallinfo2.invoke(Mallinfo2.class, new Object[0]);
            long inUse = info.uordblks + info.hblkhd;
            // JNA mallocs each returned struct and frees it only when the garbage collector gets to it: left
            // alone, every reading would add its own ~180 bytes to the next one (24 KiB over a 12-block step).
            if (info.getPointer() instanceof Memory block) {
                block.close();
            }
            return inUse;
        });
    }

    /** A probe that reads {@code bytes}, for tests that script what the allocator reports. */
    public static NativeMemoryProbe reading(LongSupplier bytes) {
        return new NativeMemoryProbe(Objects.requireNonNull(bytes));
    }

    /** The probe for this process. */
    public static NativeMemoryProbe system() {
        return SYSTEM;
    }

    /** A probe that never measures, for platforms and tests without glibc. */
    public static NativeMemoryProbe unavailable() {
        return new NativeMemoryProbe(null);
    }

    public boolean available() {
        return reader != null;
    }

    /** Native heap bytes in use now, or empty when this platform cannot tell. */
    public OptionalLong inUseBytes() {
        if (reader == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(reader.getAsLong());
    }

    private static Function lookup() {
        try {
            return NativeLibrary.getInstance("c").getFunction("mallinfo2");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** glibc {@code struct mallinfo2}: ten {@code size_t} fields, returned by value. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static class Mallinfo2 extends Structure implements Structure.ByValue {
        // size_t is 64-bit on every platform tensorloom ships for (x86_64, aarch64 Linux).
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }
}
