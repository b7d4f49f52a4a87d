package dev.tensorloom.execution.session;

import dev.tensorloom.execution.train.OptimizerState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run between two steps, as host bytes: enough to continue it exactly ({@link TrainingSession#resumeFrom})
 * in this process or, saved to a file, in another. Step numbers, the learning-rate schedule, the data
 * stream and every random draw are functions of the step, so the parameters, buffers and optimizer state
 * are all a run carries from one step to the next.
 *
 * @param step               steps finished
 * @param losses             training loss of steps 1..step
 * @param lastEvaluation     the last held-out evaluation, empty when none ran yet
 * @param forwardEvaluations block forward evaluations so far
 * @param elapsedMillis      training time so far
 * @param arrays             every parameter and buffer ({@code nodeId/name}) in DJL's encoding, in plan order
 */
public record TrainingState(long step, List<Double> losses, Map<String, Double> lastEvaluation,
        long forwardEvaluations, long elapsedMillis, Map<String, byte[]> arrays, OptimizerState optimizer) {
    public TrainingState {
        losses = List.copyOf(losses);
        lastEvaluation = Map.copyOf(lastEvaluation);
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        if (losses.size() != step) {
            throw new IllegalArgumentException("a state after " + step + " steps needs " + step + " losses, got "
                    + losses.size());
        }
    }
}
