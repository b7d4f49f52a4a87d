package dev.tensorloom.execution.report;

/**
 * How a run ended, as its metrics file says it: finished, or interrupted at the last finished step and why.
 *
 * @param reason   null for a finished run; else {@code SIGINT}, {@code SIGTERM}, {@code stopped},
 *                 {@code non-finite}, {@code divergence} or {@code error}
 * @param message  a sentence for the user (the failure's message), or null
 */
public record RunEnding(String reason, String message) {
    public static final RunEnding FINISHED = new RunEnding(null, null);

    public static RunEnding interrupted(String reason, String message) {
        return new RunEnding(reason, message);
    }

    public boolean interrupted() {
        return reason != null;
    }
}
