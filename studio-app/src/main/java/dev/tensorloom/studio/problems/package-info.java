/**
 * The problems list: what the background check found, one entry per problem, opened from the status bar; an
 * entry jumps to its node, and the wire at fault is marked on the canvas.
 *
 * <p>May use graph-model and JavaFX; knows nothing of the main window or the canvas (the jump is a callback).
 */
package dev.tensorloom.studio.problems;
