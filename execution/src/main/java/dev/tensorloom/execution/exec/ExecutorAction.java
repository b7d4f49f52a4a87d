package dev.tensorloom.execution.exec;

/**
 * One action of the executor, reported as it happens.
 *
 * @param kind               what happened
 * @param stepIndex          the node's index in the plan
 * @param nodeId             the node's id
 * @param bytes              bytes of the node's output arrays involved in the action
 * @param heldBytes          bytes of activation arrays the executor holds after the action (exact ledger)
 * @param heldGradientBytes  bytes of upstream-gradient arrays the executor holds after the action
 */
public record ExecutorAction(ActionKind kind, int stepIndex, String nodeId, long bytes, long heldBytes,
        long heldGradientBytes) {
}
