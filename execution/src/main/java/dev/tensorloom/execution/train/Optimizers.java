package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDManager;
import java.util.Locale;

/**
 * Builds optimizers by name with {@code torch.optim}'s arithmetic: {@code sgd} (with momentum; weight decay
 * as L2), {@code adam} (L2 weight decay) and {@code adamw} (decoupled weight decay).
 */
public final class Optimizers {
    private Optimizers() {
    }

    /**
     * @param stateManager where the optimizer keeps its moments and buffers; closing it frees them
     */
    public static ParameterOptimizer create(String name, double momentum, double weightDecay, NDManager stateManager) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new TorchSgd(momentum, weightDecay, stateManager);
            case "adam" -> new TorchAdam(false, weightDecay, stateManager);
            case "adamw" -> new TorchAdam(true, weightDecay, stateManager);
            default -> throw new IllegalArgumentException("optimizer must be sgd, adam or adamw, got '" + name + "'");
        };
    }
}
