package dev.tensorloom.studio.inspector;

import dev.tensorloom.model.catalog.ParamSpec;

/**
 * One row of the inspector: a parameter's schema and its value across the selection; {@code mixed}
 * when the selected nodes disagree (then {@code value} is the first node's).
 */
public record ParamField(ParamSpec spec, Object value, boolean mixed) {
    public String name() {
        return spec.name();
    }

    /** What 0 stands for when it is worked out elsewhere ("0 = inferred"), for the field to say; else empty. */
    public String zeroHint() {
        return ZeroHint.of(spec);
    }
}
