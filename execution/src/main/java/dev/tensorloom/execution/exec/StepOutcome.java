package dev.tensorloom.execution.exec;

import java.util.Map;

/**
 * What one pass over a batch produced.
 *
 * @param loss                sum of the loss nodes' values
 * @param losses              each loss node's value, by node id
 * @param forwardEvaluations  block forward evaluations, recomputations included (sources not counted)
 * @param recomputations      of those, the re-runs of dropped nodes during backward
 * @param peakHeldBytes       peak of the activation ledger during the pass
 * @param straysSwept         arrays moved out of the parameter manager after forwards
 */
public record StepOutcome(double loss, Map<String, Double> losses, int forwardEvaluations, int recomputations,
        long peakHeldBytes, int straysSwept) {
}
