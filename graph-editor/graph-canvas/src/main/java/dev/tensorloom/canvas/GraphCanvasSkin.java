package dev.tensorloom.canvas;

import javafx.scene.control.SkinBase;

/** Draws a {@link GraphCanvas}: node views, wires, gestures, minimap. */
final class GraphCanvasSkin extends SkinBase<GraphCanvas> {
    GraphCanvasSkin(GraphCanvas canvas) {
        super(canvas);
    }

    NodeGeometry geometry() {
        return new EstimatedGeometry(getSkinnable().document(), getSkinnable().catalog());
    }
}
