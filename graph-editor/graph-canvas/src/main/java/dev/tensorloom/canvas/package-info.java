/** The JavaFX node-graph editor control. */
package dev.tensorloom.canvas;
