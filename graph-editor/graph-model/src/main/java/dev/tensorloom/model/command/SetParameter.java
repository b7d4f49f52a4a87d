package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import java.util.Objects;

/** Sets one parameter of one node; a null value removes it so the catalog default applies. */
public final class SetParameter extends RecordedCommand {
    private final String nodeId;
    private final String name;
    private final Object value;

    public SetParameter(String nodeId, String name, Object value) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
    }

    @Override
    protected void perform(Document doc) {
        if (value != null) {
            ParamValues.requireValid(nodeId, name, value);
        }
        doc.replaceNode(doc.requireNode(nodeId).withParam(name, value));
    }

    @Override
    public String description() {
        return value == null ? "Reset " + nodeId + "." + name : "Set " + nodeId + "." + name + " = " + value;
    }
}
