package dev.tensorloom.execution.python;

import java.util.function.Consumer;

/** Hears how a setup of the managed environment goes: every line of venv's and pip's output, and a fraction. */
public interface SetupListener {
    /** A listener that ignores everything. */
    SetupListener NONE = line -> { };

    /** One line of output from venv or pip, or a line of Tensorloom's own (prefixed {@code tensorloom:}). */
    void onLine(String line);

    /**
     * How far the setup has come, 0 to 1, and what it does now ({@code installing 20 packages}). The
     * fraction counts steps (packages collected, installed, verified), not bytes or time.
     */
    default void onProgress(double fraction, String stage) {
    }

    /** A listener that passes lines to {@code lines} and drops the fractions. */
    static SetupListener ofLines(Consumer<String> lines) {
        return lines::accept;
    }
}
