package dev.tensorloom.execution.export;

/** Hears what an export is doing, for a progress bar or a CLI line. Called on the exporting thread. */
@FunctionalInterface
public interface ExportProgress {
    ExportProgress NONE = (phase, fraction) -> { };

    /**
     * @param phase    what is being done, in a few words
     * @param fraction overall progress in [0, 1]
     */
    void update(String phase, double fraction);
}
