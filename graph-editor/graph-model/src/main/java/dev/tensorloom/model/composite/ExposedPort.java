package dev.tensorloom.model.composite;

import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.PortRef;
import java.util.Objects;

/**
 * A port of a composite block and the inner port it stands for: an input feeds {@code inner}, an
 * output reads it. {@code spec} is the inner port's spec under the composite's port name.
 */
public record ExposedPort(String name, PortRef inner, PortSpec spec) {
    public ExposedPort {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(spec, "spec");
    }

    /** The default name of an exposed port: {@code innerNode_port}. */
    public static String defaultName(PortRef inner) {
        return inner.nodeId() + "_" + inner.port();
    }
}
