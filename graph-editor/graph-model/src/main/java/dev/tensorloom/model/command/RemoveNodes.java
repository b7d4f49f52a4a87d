package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import java.util.List;
import java.util.TreeSet;

/** Deletes the selected nodes and every wire touching them; undo restores both exactly. */
public final class RemoveNodes extends RecordedCommand {
    private final List<String> nodeIds;

    public RemoveNodes(java.util.Collection<String> nodeIds) {
        // Sorted so the recorded order, and therefore the events views see, does not depend on selection order.
        this.nodeIds = List.copyOf(new TreeSet<>(nodeIds));
    }

    @Override
    protected void perform(Document doc) {
        for (String id : nodeIds) {
            doc.removeNode(id);
        }
    }

    @Override
    public String description() {
        return nodeIds.size() == 1 ? "Delete " + nodeIds.get(0) : "Delete " + nodeIds.size() + " nodes";
    }
}
