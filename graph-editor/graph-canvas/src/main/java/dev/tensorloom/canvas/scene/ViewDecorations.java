package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.NodeAnnotation;

/** What the canvas says about an item now, for dressing a view built later: annotation, replay state, selection. */
public interface ViewDecorations {
    /** The item's annotation (shapes, badges, problems), or null. */
    NodeAnnotation annotation(String itemId);

    /** The item's replay state (a {@code CanvasStyles.STATE_*} value), or null. */
    String state(String itemId);

    boolean selected(String itemId);

    /** Whether the application marked the item (a group: any block inside it). */
    boolean marked(String itemId);
}
