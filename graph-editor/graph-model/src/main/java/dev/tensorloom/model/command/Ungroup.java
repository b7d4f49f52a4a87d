package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import java.util.Objects;

/** Dissolves a group: its nodes stay where they are and belong to no group. */
public final class Ungroup extends RecordedCommand {
    private final String groupId;

    public Ungroup(String groupId) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
    }

    @Override
    protected void perform(Document doc) {
        for (Node n : java.util.List.copyOf(doc.nodes())) {
            if (groupId.equals(n.group())) {
                doc.replaceNode(n.withGroup(null));
            }
        }
        doc.removeGroup(groupId);
    }

    @Override
    public String description() {
        return "Ungroup " + groupId;
    }
}
