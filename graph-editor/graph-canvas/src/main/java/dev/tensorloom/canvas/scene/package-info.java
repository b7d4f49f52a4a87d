/**
 * Which views of a document exist and which are in the scene: items and wires recorded in grids, views
 * built lazily, culled to the viewport, held in a reserve for zoom-outs, and patched per document change.
 *
 * <p>May use {@code view}, graph-model and JavaFX.
 */
package dev.tensorloom.canvas.scene;
