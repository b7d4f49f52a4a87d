/**
 * The JavaFX node-graph editor control: {@link dev.tensorloom.canvas.GraphCanvas}, its skin, gestures,
 * editing commands, minimap and connection rules. Sub-packages, from the leaves up: {@code view} (what one
 * node, port or wire looks like), {@code state} (zoom and pan, selection, the level shown and the
 * application's marks, as properties), {@code layout} (ELK auto-layout off the FX thread), {@code scene}
 * (which views of a document exist and are in the scene) and {@code overview} (the far-out bitmap).
 *
 * <p>May use graph-model, JavaFX and ELK; the sub-packages never use this package (ArchUnit checks
 * that packages do not form cycles). Applications use this package, {@code view}'s
 * {@link dev.tensorloom.canvas.view.NodeAnnotation} and {@link dev.tensorloom.canvas.view.CanvasStyles}, and
 * {@link dev.tensorloom.canvas.state.Viewport} through {@code GraphCanvas.viewport()}.
 */
package dev.tensorloom.canvas;
