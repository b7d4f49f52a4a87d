package dev.tensorloom.execution.session;

/** Why a run stopped early; {@code nodeId} names the node at fault when one is known, else null. */
public record RunFailure(String message, String nodeId, long step, Throwable cause) {
}
