/**
 * The JavaFX node-graph editor control: {@link dev.tensorloom.canvas.GraphCanvas}, its skin, gestures,
 * editing commands, minimap and connection rules. Sub-packages, from the leaves up: {@code view} (what one
 * node, port or wire looks like), {@code layout} (ELK auto-layout off the FX thread), {@code scene}
 * (which views of a document exist and are in the scene) and {@code overview} (the far-out bitmap).
 *
 * <p>May use graph-model, JavaFX and ELK; the sub-packages never use this package (ArchUnit checks
 * that packages do not form cycles). Applications use this package, and {@code view}'s
 * {@link dev.tensorloom.canvas.view.NodeAnnotation} and {@link dev.tensorloom.canvas.view.CanvasStyles}.
 */
package dev.tensorloom.canvas;
