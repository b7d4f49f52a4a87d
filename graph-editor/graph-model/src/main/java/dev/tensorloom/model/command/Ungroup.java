package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import java.util.List;
import java.util.Objects;

/** Dissolves a group: its nodes and the groups nested in it stay where they are, one level up. */
public final class Ungroup extends RecordedCommand {
    private final String groupId;

    public Ungroup(String groupId) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
    }

    @Override
    protected void perform(Document doc) {
        Group group = doc.group(groupId).orElseThrow(() -> new GraphEditException("no group '" + groupId + "'"));
        for (Node n : List.copyOf(doc.nodes())) {
            if (groupId.equals(n.group())) {
                doc.replaceNode(n.withGroup(group.parent()));
            }
        }
        for (Group g : List.copyOf(doc.groups())) {
            if (groupId.equals(g.parent())) {
                doc.putGroup(g.withParent(group.parent()));
            }
        }
        doc.removeGroup(groupId);
    }

    @Override
    public String description() {
        return "Ungroup " + groupId;
    }
}
