package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Group;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Puts the selected nodes into a new group (taking them out of any group they were in). */
public final class GroupNodes extends RecordedCommand {
    private final List<String> nodeIds;
    private final String label;
    private String groupId;

    public GroupNodes(Collection<String> nodeIds, String label) {
        this.nodeIds = List.copyOf(new TreeSet<>(nodeIds));
        this.label = label;
    }

    @Override
    protected void perform(Document doc) {
        if (nodeIds.isEmpty()) {
            throw new GraphEditException("select at least one node to group");
        }
        groupId = doc.freshId("group");
        doc.putGroup(new Group(groupId, label, false));
        for (String id : nodeIds) {
            doc.replaceNode(doc.requireNode(id).withGroup(groupId));
        }
    }

    /** Id of the new group, known once executed. */
    public String groupId() {
        return groupId;
    }

    @Override
    public String description() {
        return "Group " + nodeIds.size() + (nodeIds.size() == 1 ? " node" : " nodes");
    }
}
