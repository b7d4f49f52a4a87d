package dev.tensorloom.execution.memory;

/**
 * What the memory figures of one device are: {@code MEASURED} when a probe reads the memory the device
 * really holds, {@code ESTIMATED} when nothing can, so the studio shows the exact ledger of tensors the
 * executor holds and the planner's prediction instead, labelled "estimated".
 *
 * @param device what the figures are for, as DJL names it ({@code cpu()}, {@code gpu(0)})
 * @param kind   measured or estimated
 * @param source where the numbers come from, in words
 */
public record MemoryBasis(String device, Kind kind, String source) {
    /** Whether memory on a device is read or only estimated. */
    public enum Kind {
        MEASURED, ESTIMATED;

        /** "measured" or "estimated", as labels say it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean measured() {
        return kind == Kind.MEASURED;
    }

    /** For example {@code cpu(): measured, native heap in use read by glibc mallinfo2()}. */
    public String describe() {
        return device + ": " + kind.word() + ", " + source;
    }
}
