package dev.tensorloom.canvas.view;

import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.shape.DType;
import java.util.Locale;
import javafx.css.PseudoClass;

/**
 * Style classes and pseudo-classes of the canvas; {@code graph-canvas.css} gives them their looks,
 * so no colour is written in Java.
 */
public final class CanvasStyles {
    /** The canvas control itself. */
    public static final String CANVAS = "graph-canvas";
    /** One block on the canvas. */
    public static final String NODE = "graph-node";
    /** A collapsed group drawn as one block (also carries {@link #NODE}). */
    public static final String GROUP_NODE = "graph-group-node";
    /** The title of a block. */
    public static final String NODE_TITLE = "node-title";
    /** A badge (parameter count, activation memory). */
    public static final String BADGE = "node-badge";
    /** The inferred shape shown next to an output port. */
    public static final String SHAPE_LABEL = "port-shape";
    /** The name of a port, next to its dot. */
    public static final String PORT_LABEL = "port-label";
    /** A port dot; also carries {@link #INPUT_PORT} or {@link #OUTPUT_PORT} and a {@link #dtypeClass} class. */
    public static final String PORT = "graph-port";
    public static final String INPUT_PORT = "input-port";
    public static final String OUTPUT_PORT = "output-port";
    /** A wire between two ports. */
    public static final String WIRE = "graph-wire";
    /**
     * A wire marked as faulty (its input port is in {@link dev.tensorloom.canvas.GraphCanvas#setProblemInputs}):
     * drawn red and dashed.
     */
    public static final String WIRE_PROBLEM = "wire-problem";
    /** The wire following the mouse while connecting. */
    public static final String DRAFT_WIRE = "draft-wire";
    /** The rubber band rectangle. */
    public static final String RUBBER_BAND = "rubber-band";
    /** The minimap in a corner of the canvas. */
    public static final String MINIMAP = "minimap";
    /** The minimap's fold-away handle in the canvas's bottom-right corner, and the arrow it shows. */
    public static final String MINIMAP_TOGGLE = "minimap-toggle";
    public static final String MINIMAP_TOGGLE_ICON = "minimap-toggle-icon";
    /** The minimap region; carries its bitmap's colour, {@code -tl-minimap-node-fill}. */
    public static final String MINIMAP_LAYER = "minimap-layer";
    /** The visible part of the canvas drawn inside the minimap. */
    public static final String MINIMAP_VIEWPORT = "minimap-viewport";

    /** The far-out overview bitmap's layer; carries its colours ({@code -tl-overview-*}). */
    public static final String OVERVIEW = "overview-layer";

    /** The canvas's message box (a refused wire's reason) beside the port it is about. */
    public static final String MESSAGE = "canvas-message";

    /** A selected node. */
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** A node with problems (red outline). */
    public static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    /** An input port the wire being drawn may not end at. */
    public static final PseudoClass INCOMPATIBLE = PseudoClass.getPseudoClass("incompatible");
    /** An input port the wire being drawn may end at. */
    public static final PseudoClass COMPATIBLE = PseudoClass.getPseudoClass("compatible");
    /**
     * A block marked by the application ({@link dev.tensorloom.canvas.GraphCanvas#setMarkedNodes}): the studio
     * marks the blocks edited while a run trains the graph as it was when the run started.
     */
    public static final PseudoClass MARKED = PseudoClass.getPseudoClass("marked");
    /** A message box that informs rather than refuses. */
    public static final PseudoClass INFO = PseudoClass.getPseudoClass("info");
    /** A port with a wire attached. */
    public static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    /** The canvas while a space-drag or middle-drag pans it. */
    public static final PseudoClass PANNING = PseudoClass.getPseudoClass("panning");

    /** Node states of the memory replay, set with {@link dev.tensorloom.canvas.GraphCanvas#setNodeStates}. */
    public static final String STATE_KEPT = "kept";
    /** A checkpoint: only its outputs are kept, it runs again in the backward pass. */
    public static final String STATE_CHECKPOINT = "checkpoint";
    public static final String STATE_DROPPED = "dropped";
    public static final String STATE_RECOMPUTING = "recomputing";
    public static final String STATE_GRAD_DONE = "grad-done";

    private CanvasStyles() {
    }

    /** Style class of a port carrying this dtype: {@code dtype-float32}, {@code dtype-int64}, {@code dtype-any}. */
    public static String dtypeClass(DType dtype) {
        return "dtype-" + dtype.name().toLowerCase(Locale.ROOT);
    }

    /** Id of the view of an item: {@code node-} and the item id with characters CSS ids cannot hold replaced by {@code _}. */
    public static String nodeViewId(String itemId) {
        return "node-" + cssSafe(itemId);
    }

    /** User data of the view of an item: {@code node:ID}, the id unchanged. */
    public static String nodeUserData(String itemId) {
        return "node:" + itemId;
    }

    /** Id of a port's dot: {@code port-NODE-PORT} (CSS-safe as {@link #nodeViewId}). */
    public static String portViewId(PortRef ref) {
        return "port-" + cssSafe(ref.nodeId()) + "-" + cssSafe(ref.port());
    }

    /** User data of a port's dot: {@code port:NODE.PORT}. */
    public static String portUserData(PortRef ref) {
        return "port:" + ref.nodeId() + "." + ref.port();
    }

    private static String cssSafe(String raw) {
        return raw.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Style class of a node in a replay state: {@code state-kept}, {@code state-grad-done}… */
    public static String stateClass(String state) {
        return "state-" + state;
    }
}
