package dev.tensorloom.studio.run;

import dev.tensorloom.model.doc.TrainingConfig;

/** The copies of a {@link TrainingConfig} the run panel makes that the record has no wither for. */
final class TrainingConfigEdits {
    private TrainingConfigEdits() {
    }

    static TrainingConfig optimizer(TrainingConfig c, String v) {
        return new TrainingConfig(c.dataset(), v, c.learningRate(), c.schedule(), c.warmupSteps(), c.weightDecay(),
                c.momentum(), c.gradientClip(), c.batchSize(), c.steps(), c.epochs(), c.evalEvery(), c.seed(),
                c.device(), c.checkpointPolicy());
    }

    static TrainingConfig schedule(TrainingConfig c, String v) {
        return new TrainingConfig(c.dataset(), c.optimizer(), c.learningRate(), v, c.warmupSteps(), c.weightDecay(),
                c.momentum(), c.gradientClip(), c.batchSize(), c.steps(), c.epochs(), c.evalEvery(), c.seed(),
                c.device(), c.checkpointPolicy());
    }

    static TrainingConfig warmup(TrainingConfig c, int v) {
        return new TrainingConfig(c.dataset(), c.optimizer(), c.learningRate(), c.schedule(), v, c.weightDecay(),
                c.momentum(), c.gradientClip(), c.batchSize(), c.steps(), c.epochs(), c.evalEvery(), c.seed(),
                c.device(), c.checkpointPolicy());
    }
}
