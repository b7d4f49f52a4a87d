package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Group;
import java.util.Objects;

/** Records that a group was saved as a block: the group takes the block's title and remembers its id. */
public final class MarkSavedBlock extends RecordedCommand {
    private final String groupId;
    private final String blockId;
    private final String title;

    public MarkSavedBlock(String groupId, String blockId, String title) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.blockId = Objects.requireNonNull(blockId, "blockId");
        this.title = Objects.requireNonNull(title, "title");
    }

    @Override
    protected void perform(Document doc) {
        Group g = doc.group(groupId).orElseThrow(() -> new GraphEditException("no group '" + groupId + "'"));
        doc.putGroup(g.withLabel(title).withBlock(blockId));
    }

    @Override
    public String description() {
        return "Save " + title + " as a block";
    }
}
