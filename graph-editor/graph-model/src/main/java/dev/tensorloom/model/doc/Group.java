package dev.tensorloom.model.doc;

import java.util.Objects;

/**
 * A named group of nodes shown as one block; collapsed groups draw as a single node whose ports are the
 * wires crossing the group's edge, and a group can be opened to edit its inside.
 *
 * @param parent the group this one sits in, or null at the top level (groups nest)
 * @param block  the id of the saved block this group was made from or saved as, or null
 */
public record Group(String id, String label, boolean collapsed, String parent, String block) {
    public Group {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        if (id.equals(parent)) {
            throw new IllegalArgumentException("group '" + id + "' cannot sit in itself");
        }
    }

    /** A top-level group made from no saved block. */
    public Group(String id, String label, boolean collapsed) {
        this(id, label, collapsed, null, null);
    }

    public Group withCollapsed(boolean value) {
        return new Group(id, label, value, parent, block);
    }

    public Group withLabel(String value) {
        return new Group(id, value, collapsed, parent, block);
    }

    public Group withParent(String value) {
        return new Group(id, label, collapsed, value, block);
    }

    public Group withBlock(String value) {
        return new Group(id, label, collapsed, parent, value);
    }
}
