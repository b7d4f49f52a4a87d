package dev.tensorloom.model.composite;

import dev.tensorloom.model.command.Paste;
import dev.tensorloom.model.command.RecordedCommand;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Position;
import java.util.Objects;

/**
 * Adds a copy of a saved block: a new collapsed group made from the block (named after it, remembering its
 * id) holding fresh copies of the block's nodes, wires and nested groups, its top-left corner at a point,
 * inside one level of the nesting (the top level or an opened group).
 */
public final class InsertBlock extends RecordedCommand {
    private final SavedBlock block;
    private final Position at;
    private final String scope;
    private String groupId;

    /** @param scope the group to insert into, or null for the top level */
    public InsertBlock(SavedBlock block, Position at, String scope) {
        this.block = Objects.requireNonNull(block, "block");
        this.at = Objects.requireNonNull(at, "at");
        this.scope = scope;
    }

    @Override
    protected void perform(Document doc) {
        groupId = doc.freshId(block.id().replaceAll("[^A-Za-z0-9_]", "_"));
        doc.putGroup(new Group(groupId, block.title(), true, scope, block.id()));
        Paste.into(doc, block.content(), at.x(), at.y(), groupId);
    }

    /** The new group's id, known once executed. */
    public String groupId() {
        return groupId;
    }

    @Override
    public String description() {
        return "Insert " + block.title();
    }
}
