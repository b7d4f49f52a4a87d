package dev.tensorloom.model.doc;

import java.util.Objects;

/** A named group of nodes shown as one composite block; collapsed groups draw as a single node. */
public record Group(String id, String label, boolean collapsed) {
    public Group {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
    }

    public Group withCollapsed(boolean value) {
        return new Group(id, label, value);
    }

    public Group withLabel(String value) {
        return new Group(id, value, collapsed);
    }
}
