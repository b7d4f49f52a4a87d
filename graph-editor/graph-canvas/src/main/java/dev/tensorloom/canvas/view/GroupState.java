package dev.tensorloom.canvas.view;

import dev.tensorloom.model.doc.Document;
import java.util.List;
import java.util.Map;

/**
 * The memory state a collapsed group shows: the most telling state among the nodes inside it. Something being
 * recomputed inside shows as recomputing; else anything still held shows as kept (a checkpoint, when only
 * checkpoints are held); the group reads dropped only once everything inside that has a state was dropped,
 * and gradient-done only once all of it is.
 */
public final class GroupState {
    private static final List<String> PRIORITY = List.of(CanvasStyles.STATE_RECOMPUTING, CanvasStyles.STATE_KEPT,
            CanvasStyles.STATE_CHECKPOINT, CanvasStyles.STATE_DROPPED, CanvasStyles.STATE_GRAD_DONE);

    private GroupState() {
    }

    /** The state an item shows: a node's own, or the most telling of a group's members'; null for none. */
    public static String of(Document doc, String itemId, Map<String, String> states) {
        if (doc.containsNode(itemId) || states.isEmpty()) {
            return states.get(itemId);
        }
        int best = Integer.MAX_VALUE;
        for (String m : CanvasItems.members(doc, itemId)) {
            String s = states.get(m);
            int rank = s == null ? -1 : PRIORITY.indexOf(s);
            if (rank >= 0 && rank < best) {
                best = rank;
            }
        }
        return best == Integer.MAX_VALUE ? null : PRIORITY.get(best);
    }
}
