package dev.tensorloom.studio.task;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Lowers the scheduling priority of the calling thread (Linux nice value) so that heavy background work
 * (training, memory measurement) yields the CPU to the JavaFX thread at once. Java's own thread priorities
 * do nothing on Linux; a raised nice value does, needs no privileges, and is inherited by every thread the
 * niced thread starts (libtorch's OpenMP workers too). Elsewhere this is a no-op.
 */
public final class BackgroundPriority {
    /** How far background work steps back: at nice 10 a thread gets about a tenth of a nice-0 thread's share. */
    public static final int NICE = 10;

    private static final int PRIO_PROCESS = 0;
    private static final Functions LIBC = Functions.lookup();

    private BackgroundPriority() {
    }

    /**
     * Gives the calling thread (and the threads it starts from now on) nice {@link #NICE}, or leaves it where
     * it is when it already runs nicer; true when the thread now runs at least that nice.
     */
    public static boolean lowerCurrentThread() {
        if (LIBC == null) {
            return false;
        }
        int tid = LIBC.gettid.invokeInt(new Object[0]);
        // Lowering a nice value needs privileges; never try, only ever step further back.
        int target = Math.max(NICE, currentNice().orElse(NICE));
        return LIBC.setpriority.invokeInt(new Object[] {PRIO_PROCESS, tid, target}) == 0;
    }

    /** The calling thread's nice value, or empty where it cannot be read. */
    public static OptionalInt currentNice() {
        if (LIBC == null) {
            return OptionalInt.empty();
        }
        int tid = LIBC.gettid.invokeInt(new Object[0]);
        // getpriority returns the nice value itself; -1 is also a valid nice, so errno is not consulted.
        return OptionalInt.of(LIBC.getpriority.invokeInt(new Object[] {PRIO_PROCESS, tid}));
    }

    /** The libc functions used, or null when this is not Linux or libc lacks them. */
    private record Functions(Function gettid, Function setpriority, Function getpriority) {
        static Functions lookup() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return null;
            }
            try {
                NativeLibrary c = NativeLibrary.getInstance("c");
                return new Functions(c.getFunction("gettid"), c.getFunction("setpriority"),
                        c.getFunction("getpriority"));
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null;
            }
        }
    }
}
