package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.model.doc.PortRef;

/**
 * What the canvas says about an item now, for dressing a view built later: annotation, replay state, selection;
 * and about a wire: whether the input it ends at is marked as a problem.
 */
public interface ViewDecorations {
    /** The item's annotation (shapes, badges, problems), or null. */
    NodeAnnotation annotation(String itemId);

    /** The item's replay state (a {@code CanvasStyles.STATE_*} value), or null. */
    String state(String itemId);

    boolean selected(String itemId);

    /** Whether the wire into this input port is marked as faulty. */
    boolean problemInput(PortRef input);

    /** Whether this wire is the canvas's selected wire. */
    boolean wireSelected(String wireId);

    /** Whether the application marked the item (a group: any block inside it). */
    boolean marked(String itemId);
}
