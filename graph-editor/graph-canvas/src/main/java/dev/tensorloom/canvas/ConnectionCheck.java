package dev.tensorloom.canvas;

import dev.tensorloom.model.doc.PortRef;
import java.util.Optional;

/**
 * An extra rule deciding whether an output port may feed an input port, on top of the canvas's own
 * checks (dtype, fed input, cycle). The studio plugs in a shape check from its latest shape report.
 * Anchor: tesis graph-editor's {@code GConnectorValidator}.
 */
@FunctionalInterface
public interface ConnectionCheck {
    /** No extra rule. */
    ConnectionCheck NONE = (from, to) -> Optional.empty();

    /** Why {@code from} must not feed {@code to}, or empty when it may. */
    Optional<String> refusal(PortRef from, PortRef to);
}
