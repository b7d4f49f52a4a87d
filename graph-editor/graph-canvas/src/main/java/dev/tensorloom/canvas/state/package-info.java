/**
 * What the canvas control holds besides its document, as observable properties: zoom and pan
 * ({@link dev.tensorloom.canvas.state.Viewport}), the selected items and wire
 * ({@link dev.tensorloom.canvas.state.CanvasSelection}), the level of the group nesting shown
 * ({@link dev.tensorloom.canvas.state.ShownLevel}) and the marks the application paints on it
 * ({@link dev.tensorloom.canvas.state.CanvasMarks}). No scene graph and no gestures, so each part is
 * read the same way by the skin, the gestures and the tests.
 *
 * <p>May use {@code view}, graph-model and JavaFX's properties and collections.
 */
package dev.tensorloom.canvas.state;
