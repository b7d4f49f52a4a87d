package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Node;
import java.util.Objects;

/** Adds one node (from the palette, or a duplicate). */
public final class AddNode extends RecordedCommand {
    private final Node node;

    public AddNode(Node node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    protected void perform(Document doc) {
        ParamValues.requireValid(node.id(), node.params());
        if (node.group() != null && doc.group(node.group()).isEmpty()) {
            throw new GraphEditException("no group '" + node.group() + "'");
        }
        doc.addNode(node);
    }

    @Override
    public String description() {
        return "Add " + node.label();
    }
}
