package dev.tensorloom.execution.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Locale;

/**
 * Builds DJL optimizers by name: {@code sgd} (with momentum; weight decay as L2), {@code adam} (L2 weight
 * decay) and {@code adamw} (decoupled weight decay).
 */
public final class Optimizers {
    private Optimizers() {
    }

    public static Optimizer create(String name, ParameterTracker learningRate, double momentum, double weightDecay) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd" -> Optimizer.sgd().setLearningRateTracker(learningRate).optMomentum((float) momentum)
                    .optWeightDecays((float) weightDecay).build();
            case "adam" -> Optimizer.adam().optLearningRateTracker(learningRate)
                    .optWeightDecays((float) weightDecay).build();
            case "adamw" -> Optimizer.adamW().optLearningRateTracker(learningRate)
                    .optWeightDecays((float) weightDecay).build();
            default -> throw new IllegalArgumentException("optimizer must be sgd, adam or adamw, got '" + name + "'");
        };
    }
}
