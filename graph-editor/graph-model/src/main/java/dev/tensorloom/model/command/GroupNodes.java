package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Puts the selected items (nodes, and groups shown as one block) into a new group at the level they sit
 * on: the new group's parent is theirs, the nodes join it and the groups nest in it.
 */
public final class GroupNodes extends RecordedCommand {
    private final List<String> itemIds;
    private final String label;
    private final boolean collapsed;
    private String groupId;

    /** An expanded group of these items. */
    public GroupNodes(Collection<String> itemIds, String label) {
        this(itemIds, label, false);
    }

    /** @param collapsed whether the group shows as one block (with the crossing wires as its ports) */
    public GroupNodes(Collection<String> itemIds, String label, boolean collapsed) {
        this.itemIds = List.copyOf(new TreeSet<>(itemIds));
        this.label = label;
        this.collapsed = collapsed;
    }

    @Override
    protected void perform(Document doc) {
        if (itemIds.isEmpty()) {
            throw new GraphEditException("select at least one node to group");
        }
        String parent = null;
        boolean first = true;
        for (String id : itemIds) {
            String at = levelOf(doc, id);
            if (!first && !Objects.equals(parent, at)) {
                throw new GraphEditException("select blocks of one level to group them ('" + id + "' sits in "
                        + (at == null ? "the top level" : "group '" + at + "'") + ")");
            }
            parent = at;
            first = false;
        }
        groupId = doc.freshId("group");
        doc.putGroup(new Group(groupId, label, collapsed, parent, null));
        for (String id : itemIds) {
            if (doc.containsNode(id)) {
                doc.replaceNode(doc.requireNode(id).withGroup(groupId));
            } else {
                doc.putGroup(doc.group(id).orElseThrow().withParent(groupId));
            }
        }
    }

    /** The group an item sits in directly; refuses ids that are neither a node nor a group. */
    private static String levelOf(Document doc, String id) {
        if (doc.containsNode(id)) {
            return doc.requireNode(id).group();
        }
        // Not map(Group::parent): a top-level group's parent is null, which is an answer, not a missing group.
        return doc.group(id).orElseThrow(() -> new GraphEditException("no node '" + id + "'")).parent();
    }

    /** Id of the new group, known once executed. */
    public String groupId() {
        return groupId;
    }

    @Override
    public String description() {
        return "Group " + itemIds.size() + (itemIds.size() == 1 ? " block" : " blocks");
    }
}
