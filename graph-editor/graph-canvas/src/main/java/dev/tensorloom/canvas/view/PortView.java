package dev.tensorloom.canvas.view;

import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.shape.DType;
import javafx.scene.layout.Region;

/**
 * The dot of one port. Coloured by dtype through a style class; dims (pseudo-class
 * {@code incompatible}) while a wire being drawn may not end here, and then knows why.
 */
public final class PortView extends Region {
    public static final double SIZE = 10;

    private final PortRef ref;
    private final boolean input;
    private final boolean connectable;
    private String refusal;

    public PortView(PortRef ref, boolean input, DType dtype, boolean connectable) {
        this.ref = ref;
        this.input = input;
        this.connectable = connectable;
        setId(CanvasStyles.portViewId(ref));
        setUserData(CanvasStyles.portUserData(ref));
        getStyleClass().addAll(CanvasStyles.PORT, input ? CanvasStyles.INPUT_PORT : CanvasStyles.OUTPUT_PORT,
                CanvasStyles.dtypeClass(dtype));
        resize(SIZE, SIZE);
    }

    public PortRef ref() {
        return ref;
    }

    public boolean isInput() {
        return input;
    }

    /** False for the stand-in ports of a collapsed group: wires are drawn to members, not to groups. */
    public boolean isConnectable() {
        return connectable;
    }

    /** Why the wire being drawn may not end here, or null. */
    public String refusal() {
        return refusal;
    }

    /** Marks the port for a connect gesture in progress: null reason means it may take the wire. */
    public void markCandidate(String reason) {
        refusal = reason;
        pseudoClassStateChanged(CanvasStyles.INCOMPATIBLE, reason != null);
        pseudoClassStateChanged(CanvasStyles.COMPATIBLE, reason == null);
    }

    public void clearCandidate() {
        refusal = null;
        pseudoClassStateChanged(CanvasStyles.INCOMPATIBLE, false);
        pseudoClassStateChanged(CanvasStyles.COMPATIBLE, false);
    }

    public void setConnected(boolean connected) {
        pseudoClassStateChanged(CanvasStyles.CONNECTED, connected);
    }
}
