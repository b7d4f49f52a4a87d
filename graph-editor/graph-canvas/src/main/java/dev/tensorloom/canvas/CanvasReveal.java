package dev.tensorloom.canvas;

import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.Node;
import java.util.List;
import javafx.application.Platform;

/**
 * {@link GraphCanvas#reveal}: which item shows a node, at which level, and the view centred on it. At the level
 * shown, a node inside a collapsed group is seen as that group, so the group is what gets selected (its outline
 * and tooltip name the node's problems); a node outside that level is shown as itself by opening the innermost
 * collapsed group holding it (or the top level when none does).
 */
final class CanvasReveal {
    private CanvasReveal() {
    }

    static void reveal(GraphCanvas canvas, String nodeId) {
        Node node = nodeId == null ? null : canvas.document().node(nodeId).orElse(null);
        if (node == null) {
            return;
        }
        String owner = CanvasItems.ownerOf(canvas.document(), node, canvas.getScope());
        if (owner != null) {
            canvas.select(List.of(owner));
            centreOn(canvas, owner);
            return;
        }
        canvas.openGroup(levelShowing(canvas, node));
        canvas.select(List.of(node.id()));
        // Opening a level fits it on the next pulse; the centring comes after that fit.
        Platform.runLater(() -> centreOn(canvas, node.id()));
    }

    /** Centres the view on an item if it is shown ({@link ViewportFit#centre}). */
    private static void centreOn(GraphCanvas canvas, String itemId) {
        if (CanvasItems.visibleIds(canvas.document(), canvas.getScope()).contains(itemId)) {
            ViewportFit.centre(canvas, canvas.skinGeometry().bounds(java.util.Set.of(itemId)));
        }
    }

    /** The level where a node is shown as itself: the innermost collapsed group holding it, else the top (null). */
    private static String levelShowing(GraphCanvas canvas, Node node) {
        for (String group : GroupTree.chain(canvas.document(), node)) {
            if (CanvasItems.isCollapsedGroup(canvas.document(), group)) {
                return group;
            }
        }
        return null;
    }
}
