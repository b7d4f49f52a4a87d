package dev.tensorloom.model.io;

import dev.tensorloom.model.command.Fragment;
import dev.tensorloom.model.composite.SavedBlock;
import java.util.Map;
import java.util.TreeMap;

/** Reads the {@code blocks} section: each embedded block's title and graph, checked like the project's own. */
final class SavedBlocks {
    private SavedBlocks() {
    }

    static Map<String, SavedBlock> decode(TreeFields blocks) {
        Map<String, SavedBlock> out = new TreeMap<>();
        for (String id : blocks.names()) {
            TreeFields b = ProjectDecoder.entry(blocks, id);
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw blocks.problem(id, "is not a valid block id (letters, digits, '-' and '_' only)");
            }
            String title = b.text("title", id);
            Fragment content = Fragment.of(ProjectDecoder.graph(b.object("graph", true), b.object("layout", false)));
            if (content.nodes().isEmpty()) {
                throw b.problem("graph", "holds no nodes: block '" + id + "' would be empty");
            }
            out.put(id, new SavedBlock(id, title, content));
        }
        return out;
    }
}
