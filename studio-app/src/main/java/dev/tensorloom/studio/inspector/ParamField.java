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
}
