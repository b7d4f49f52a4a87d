package dev.tensorloom.execution.run;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What a run may change of the project's training configuration without editing it: the command
 * line's {@code --steps}, {@code --device}, {@code --checkpoint} and {@code --batch}. Empty means "as
 * the project says". {@code dataFolder} is where relative user-data paths start (the project file's
 * folder); {@code null} means the working directory.
 */
public record RunOptions(OptionalInt steps, String device, String checkpointPolicy, OptionalInt batchSize,
        Path dataFolder) {
    public static final RunOptions PROJECT = new RunOptions(OptionalInt.empty(), null, null, OptionalInt.empty(), null);

    public RunOptions withSteps(int n) {
        return new RunOptions(OptionalInt.of(n), device, checkpointPolicy, batchSize, dataFolder);
    }

    public RunOptions withDevice(String d) {
        return new RunOptions(steps, d, checkpointPolicy, batchSize, dataFolder);
    }

    public RunOptions withCheckpointPolicy(String p) {
        return new RunOptions(steps, device, p, batchSize, dataFolder);
    }

    public RunOptions withBatchSize(int n) {
        return new RunOptions(steps, device, checkpointPolicy, OptionalInt.of(n), dataFolder);
    }

    /** Relative user-data paths start in {@code folder}. */
    public RunOptions withDataFolder(Path folder) {
        return new RunOptions(steps, device, checkpointPolicy, batchSize, folder);
    }
}
