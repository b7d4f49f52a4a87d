package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import java.util.Objects;

/** Changes the label shown on a node or a group; ids never change, so wires and files stay valid. */
public final class Rename extends RecordedCommand {
    private final String id;
    private final String label;

    /** Renames the node or, if no node has this id, the group with this id. */
    public Rename(String id, String label) {
        this.id = Objects.requireNonNull(id, "id");
        this.label = Objects.requireNonNull(label, "label");
    }

    @Override
    protected void perform(Document doc) {
        if (label.isBlank()) {
            throw new GraphEditException("a name cannot be empty");
        }
        if (doc.containsNode(id)) {
            doc.replaceNode(doc.requireNode(id).withLabel(label));
        } else {
            doc.putGroup(doc.group(id).orElseThrow(() -> new GraphEditException("no node or group '" + id + "'"))
                    .withLabel(label));
        }
    }

    @Override
    public String description() {
        return "Rename " + id + " to " + label;
    }
}
