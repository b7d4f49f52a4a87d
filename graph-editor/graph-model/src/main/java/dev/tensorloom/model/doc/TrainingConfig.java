package dev.tensorloom.model.doc;

import java.util.Objects;

/**
 * How a project trains: dataset, optimiser, schedule, batch, length, seed, device and checkpoint
 * policy. Immutable; the document swaps it as a whole so each change is one undoable command.
 *
 * @param dataset           synthetic dataset id (for example {@code seq-reverse}) or user data with its column
 *                          mapping, relative to the project file: {@code csv:data/houses.csv?features=area,rooms&label=price}
 *                          or {@code images:data/pets?size=32}
 * @param optimizer         {@code sgd}, {@code adam} or {@code adamw}
 * @param learningRate      peak learning rate
 * @param schedule          {@code constant} or {@code cosine}
 * @param warmupSteps       linear warm-up steps before the schedule
 * @param weightDecay       decoupled weight decay (AdamW) or L2 (SGD)
 * @param momentum          SGD momentum
 * @param gradientClip      global gradient-norm clip, 0 for none
 * @param batchSize         examples per step
 * @param steps             training steps (0 means use epochs)
 * @param epochs            epochs when steps is 0
 * @param evalEvery         evaluate on held-out data every this many steps, 0 for only at the end
 * @param seed              seed for initialisation and data
 * @param device            {@code cpu}, {@code gpu} or {@code auto}
 * @param checkpointPolicy  {@code none}, {@code every-k:K}, {@code sqrt}, {@code revolve:S}, {@code budget:MB}
 */
public record TrainingConfig(String dataset, String optimizer, double learningRate, String schedule, int warmupSteps,
        double weightDecay, double momentum, double gradientClip, int batchSize, int steps, int epochs, int evalEvery,
        long seed, String device, String checkpointPolicy) {

    /** The largest batch a project file (and a command line's {@code --batch}) may ask for. */
    public static final int MAX_BATCH_SIZE = 1 << 20;

    public static final TrainingConfig DEFAULT = new TrainingConfig("", "adam", 1e-3, "constant", 0, 0.0, 0.9, 0.0,
            32, 100, 0, 0, 42L, "auto", "none");

    public TrainingConfig {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(checkpointPolicy, "checkpointPolicy");
    }

    public TrainingConfig withDataset(String v) {
        return new TrainingConfig(v, optimizer, learningRate, schedule, warmupSteps, weightDecay, momentum,
                gradientClip, batchSize, steps, epochs, evalEvery, seed, device, checkpointPolicy);
    }

    public TrainingConfig withSteps(int v) {
        return new TrainingConfig(dataset, optimizer, learningRate, schedule, warmupSteps, weightDecay, momentum,
                gradientClip, batchSize, v, epochs, evalEvery, seed, device, checkpointPolicy);
    }

    public TrainingConfig withBatchSize(int v) {
        return new TrainingConfig(dataset, optimizer, learningRate, schedule, warmupSteps, weightDecay, momentum,
                gradientClip, v, steps, epochs, evalEvery, seed, device, checkpointPolicy);
    }

    public TrainingConfig withDevice(String v) {
        return new TrainingConfig(dataset, optimizer, learningRate, schedule, warmupSteps, weightDecay, momentum,
                gradientClip, batchSize, steps, epochs, evalEvery, seed, v, checkpointPolicy);
    }

    public TrainingConfig withCheckpointPolicy(String v) {
        return new TrainingConfig(dataset, optimizer, learningRate, schedule, warmupSteps, weightDecay, momentum,
                gradientClip, batchSize, steps, epochs, evalEvery, seed, device, v);
    }

    public TrainingConfig withLearningRate(double v) {
        return new TrainingConfig(dataset, optimizer, v, schedule, warmupSteps, weightDecay, momentum,
                gradientClip, batchSize, steps, epochs, evalEvery, seed, device, checkpointPolicy);
    }

    public TrainingConfig withSeed(long v) {
        return new TrainingConfig(dataset, optimizer, learningRate, schedule, warmupSteps, weightDecay, momentum,
                gradientClip, batchSize, steps, epochs, evalEvery, v, device, checkpointPolicy);
    }
}
