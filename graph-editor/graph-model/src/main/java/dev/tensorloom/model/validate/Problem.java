package dev.tensorloom.model.validate;

import java.util.Objects;

/**
 * One finding of the {@link Validator}: how bad it is, what kind, where (node, and the port or
 * parameter when it concerns one) and a message that names the place, e.g.
 * {@code attn.q_in expects [B, T, 256], got [B, T, 128] from embed.out}.
 *
 * @param nodeId null for problems of the whole graph (no loss block)
 * @param port   the input or output port concerned, or null
 * @param param  the parameter concerned, or null
 */
public record Problem(Severity severity, Kind kind, String nodeId, String port, String param, String message) {

    /** Errors stop a run; warnings only inform. */
    public enum Severity { ERROR, WARNING }

    /** What went wrong. */
    public enum Kind {
        UNKNOWN_TYPE, MISSING_INPUT, SHAPE_MISMATCH, DTYPE_MISMATCH, PARAM_OUT_OF_RANGE, UNKNOWN_PARAM,
        UNKNOWN_PORT, UNUSED_OUTPUT, NO_LOSS, CYCLE
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    static Problem error(Kind kind, String nodeId, String port, String message) {
        return new Problem(Severity.ERROR, kind, nodeId, port, null, message);
    }

    static Problem warning(Kind kind, String nodeId, String port, String message) {
        return new Problem(Severity.WARNING, kind, nodeId, port, null, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
