/**
 * What one item looks like: node, port and wire views, the item shapes and geometry they are placed by,
 * the style classes and pseudo-classes {@code graph-canvas.css} styles them with, and a spatial grid.
 *
 * <p>May use graph-model and JavaFX; nothing else of the canvas.
 */
package dev.tensorloom.canvas.view;
