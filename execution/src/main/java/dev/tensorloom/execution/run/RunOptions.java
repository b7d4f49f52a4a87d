package dev.tensorloom.execution.run;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a run may change of the project's training configuration without editing it: the command
 * line's {@code --steps}, {@code --device}, {@code --checkpoint}, {@code --batch} and {@code --seed}. Empty
 * means "as the project says". {@code dataFolder} is where relative user-data paths start (the project
 * file's folder); {@code null} means the working directory.
 */
public record RunOptions(OptionalInt steps, String device, String checkpointPolicy, OptionalInt batchSize,
        Path dataFolder, OptionalLong seed) {
    public static final RunOptions PROJECT = new RunOptions(OptionalInt.empty(), null, null, OptionalInt.empty(), null,
            OptionalLong.empty());

    /** Options that keep the project's seed. */
    public RunOptions(OptionalInt steps, String device, String checkpointPolicy, OptionalInt batchSize, Path dataFolder) {
        this(steps, device, checkpointPolicy, batchSize, dataFolder, OptionalLong.empty());
    }

    public RunOptions withSteps(int n) {
        return new RunOptions(OptionalInt.of(n), device, checkpointPolicy, batchSize, dataFolder, seed);
    }

    public RunOptions withDevice(String d) {
        return new RunOptions(steps, d, checkpointPolicy, batchSize, dataFolder, seed);
    }

    public RunOptions withCheckpointPolicy(String p) {
        return new RunOptions(steps, device, p, batchSize, dataFolder, seed);
    }

    public RunOptions withBatchSize(int n) {
        return new RunOptions(steps, device, checkpointPolicy, OptionalInt.of(n), dataFolder, seed);
    }

    /** Relative user-data paths start in {@code folder}. */
    public RunOptions withDataFolder(Path folder) {
        return new RunOptions(steps, device, checkpointPolicy, batchSize, folder, seed);
    }

    /** Another seed for initial weights, batches and held-out examples (a check on a seed nobody tuned on). */
    public RunOptions withSeed(long s) {
        return new RunOptions(steps, device, checkpointPolicy, batchSize, dataFolder, OptionalLong.of(s));
    }
}
