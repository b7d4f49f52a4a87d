package dev.tensorloom.execution.session;

import dev.tensorloom.execution.exec.NonFiniteValueException;

/** Why a run stopped early; {@code nodeId} names the node at fault when one is known, else null. */
public record RunFailure(String message, String nodeId, long step, Throwable cause) {

    /** True when values became NaN or infinite (as opposed to an error in the program or the input). */
    public boolean nonFinite() {
        return cause instanceof NonFiniteValueException;
    }
}
