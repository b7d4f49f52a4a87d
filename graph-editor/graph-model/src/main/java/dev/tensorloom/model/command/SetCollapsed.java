package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import java.util.Objects;

/** Collapses a group into one composite node on the canvas, or expands it again. */
public final class SetCollapsed extends RecordedCommand {
    private final String groupId;
    private final boolean collapsed;

    public SetCollapsed(String groupId, boolean collapsed) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.collapsed = collapsed;
    }

    @Override
    protected void perform(Document doc) {
        doc.putGroup(doc.group(groupId).orElseThrow(() -> new GraphEditException("no group '" + groupId + "'"))
                .withCollapsed(collapsed));
    }

    @Override
    public String description() {
        return (collapsed ? "Collapse " : "Expand ") + groupId;
    }
}
