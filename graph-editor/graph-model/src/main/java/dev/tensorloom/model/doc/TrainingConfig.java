package dev.tensorloom.model.doc;

import java.util.Objects;
import java.util.function.Consumer;

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
        return edit(e -> e.dataset = v);
    }

    public TrainingConfig withSteps(int v) {
        return edit(e -> e.steps = v);
    }

    public TrainingConfig withBatchSize(int v) {
        return edit(e -> e.batchSize = v);
    }

    public TrainingConfig withDevice(String v) {
        return edit(e -> e.device = v);
    }

    public TrainingConfig withCheckpointPolicy(String v) {
        return edit(e -> e.checkpointPolicy = v);
    }

    public TrainingConfig withLearningRate(double v) {
        return edit(e -> e.learningRate = v);
    }

    public TrainingConfig withSeed(long v) {
        return edit(e -> e.seed = v);
    }

    /** This configuration with {@code change} applied to a mutable copy of its fields. */
    private TrainingConfig edit(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.build();
    }

    /** The fields of a configuration being edited; one place that lists them all, in order. */
    private static final class Fields {
        String dataset;
        String optimizer;
        double learningRate;
        String schedule;
        int warmupSteps;
        double weightDecay;
        double momentum;
        double gradientClip;
        int batchSize;
        int steps;
        int epochs;
        int evalEvery;
        long seed;
        String device;
        String checkpointPolicy;

        Fields(TrainingConfig c) {
            dataset = c.dataset;
            optimizer = c.optimizer;
            learningRate = c.learningRate;
            schedule = c.schedule;
            warmupSteps = c.warmupSteps;
            weightDecay = c.weightDecay;
            momentum = c.momentum;
            gradientClip = c.gradientClip;
            batchSize = c.batchSize;
            steps = c.steps;
            epochs = c.epochs;
            evalEvery = c.evalEvery;
            seed = c.seed;
            device = c.device;
            checkpointPolicy = c.checkpointPolicy;
        }

        TrainingConfig build() {
            return new TrainingConfig(dataset, optimizer, learningRate, schedule, warmupSteps, weightDecay, momentum,
                    gradientClip, batchSize, steps, epochs, evalEvery, seed, device, checkpointPolicy);
        }
    }
}
