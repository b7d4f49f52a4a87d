package dev.tensorloom.execution.run;

import java.util.OptionalInt;

/**
 * What a run may change of the project's training configuration without editing it: the command
 * line's {@code --steps}, {@code --device}, {@code --checkpoint} and {@code --batch}. Empty means "as
 * the project says".
 */
public record RunOptions(OptionalInt steps, String device, String checkpointPolicy, OptionalInt batchSize) {
    public static final RunOptions PROJECT = new RunOptions(OptionalInt.empty(), null, null, OptionalInt.empty());

    public RunOptions withSteps(int n) {
        return new RunOptions(OptionalInt.of(n), device, checkpointPolicy, batchSize);
    }

    public RunOptions withDevice(String d) {
        return new RunOptions(steps, d, checkpointPolicy, batchSize);
    }

    public RunOptions withCheckpointPolicy(String p) {
        return new RunOptions(steps, device, p, batchSize);
    }

    public RunOptions withBatchSize(int n) {
        return new RunOptions(steps, device, checkpointPolicy, OptionalInt.of(n));
    }
}
