package dev.tensorloom.execution.train;

import dev.tensorloom.execution.exec.StepOutcome;
import java.util.Map;

/**
 * One optimisation step.
 *
 * @param learningRate   the rate used
 * @param gradientNorm   global gradient norm before clipping
 * @param clipScale      factor the gradients were multiplied by (1 when not clipped)
 * @param nodeGradNorms  gradient norm of each node's parameters (before clipping), in plan order
 */
public record TrainStepResult(StepOutcome outcome, double learningRate, double gradientNorm, double clipScale,
        Map<String, Double> nodeGradNorms) {

    public double loss() {
        return outcome.loss();
    }
}
