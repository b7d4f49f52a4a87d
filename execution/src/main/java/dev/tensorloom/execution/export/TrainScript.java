package dev.tensorloom.execution.export;

import dev.tensorloom.model.doc.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code train.py}: the package's training script with the project's settings written in as constants. */
final class TrainScript {
    private static final String MARK = "# @SETTINGS@";

    private TrainScript() {
    }

    static String write(String title, String className, TrainingConfig c, String metrics) {
        String template = resource("train.py");
        String settings = "from model import " + className + " as Model\n\n"
                + "# The project's training settings, as `tensorloom train` applies them.\n"
                + "PROJECT = " + PythonNames.string(title) + "\n"
                + "OPTIMIZER = " + PythonNames.string(c.optimizer()) + "\n"
                + "LEARNING_RATE = " + PythonNames.literal(c.learningRate()) + "\n"
                + "SCHEDULE = " + PythonNames.string(c.schedule()) + "\n"
                + "WARMUP_STEPS = " + c.warmupSteps() + "\n"
                + "WEIGHT_DECAY = " + PythonNames.literal(c.weightDecay()) + "\n"
                + "MOMENTUM = " + PythonNames.literal(c.momentum()) + "\n"
                + "GRADIENT_CLIP = " + PythonNames.literal(c.gradientClip()) + "\n"
                + "BATCH_SIZE = " + c.batchSize() + "\n"
                + "STEPS = " + c.steps() + "\n"
                + "EVAL_EVERY = " + c.evalEvery() + "\n"
                + "SEED = " + c.seed() + "\n"
                + "CHECKPOINT_POLICY = " + PythonNames.string(c.checkpointPolicy()) + "\n"
                + "# The held-out metrics: which node outputs and targets each one reads.\n"
                + "METRICS = " + metrics;
        if (!template.contains(MARK)) {
            throw new IllegalStateException("train.py template has no settings mark");
        }
        return template.replace(MARK, settings.strip());
    }

    static String resource(String name) {
        try (InputStream in = TrainScript.class.getResourceAsStream("/dev/tensorloom/export/package/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
