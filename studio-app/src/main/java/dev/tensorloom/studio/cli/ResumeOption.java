package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.resume.RunIdentity;
import dev.tensorloom.execution.resume.SavedRun;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code train --resume DIR}: the saved run, read before anything else starts, and the check that this is that run. */
record ResumeOption(Path dir, SavedRun saved) {

    /** Reads the training state in {@code dir}; a missing or damaged one is the user's input (exit 2). */
    static ResumeOption load(Path dir) {
        try {
            return new ResumeOption(dir, SavedRun.load(dir));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--resume " + dir + ": " + (e.getReason() != null ? e.getReason()
                    : "no saved training state"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--resume " + dir + ": cannot read the saved run (" + e.getMessage() + ")");
        }
    }

    Integer savedSteps() {
        return setting("steps");
    }

    Integer savedBatchSize() {
        return setting("batchSize");
    }

    /** Refuses a run that is not the saved one (another graph or other settings), or one already finished. */
    void requireSameRun(RunIdentity now, long steps) {
        List<String> differences = saved.identity().differences(now);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("--resume " + dir + ": this is not the run saved there: "
                    + String.join("; ", differences));
        }
        if (saved.state().step() >= steps) {
            throw new IllegalArgumentException("--resume " + dir + ": the run saved there already finished all "
                    + steps + " steps");
        }
    }

    private Integer setting(String name) {
        String v = saved.identity().settings().get(name);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
