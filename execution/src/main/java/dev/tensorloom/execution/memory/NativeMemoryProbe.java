package dev.tensorloom.execution.memory;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Structure;
import java.util.OptionalLong;

/**
 * Measures native heap bytes in use through glibc {@code mallinfo2()}, which also sees
 * libtorch's CPU allocations (autograd's saved tensors are invisible to the JVM and to DJL).
 * In-use bytes are {@code uordblks + hblkhd}: small-block heap in use plus mmapped blocks.
 * Where {@code mallinfo2} does not exist (non-glibc, glibc before 2.33) {@link #available()}
 * is false and {@link #inUseBytes()} is empty; it never guesses.
 */
public final class NativeMemoryProbe {

    private static final NativeMemoryProbe SYSTEM = new NativeMemoryProbe(lookup());

    private final Function mallinfo2;

    private NativeMemoryProbe(Function mallinfo2) {
        this.mallinfo2 = mallinfo2;
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
        return mallinfo2 != null;
    }

    /** Native heap bytes in use now, or empty when this platform cannot tell. */
    public OptionalLong inUseBytes() {
        if (mallinfo2 == null) {
            return OptionalLong.empty();
        }
        Mallinfo2 info = (Mallinfo2) mallinfo2.invoke(Mallinfo2.class, new Object[0]);
        return OptionalLong.of(info.uordblks + info.hblkhd);
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
