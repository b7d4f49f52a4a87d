/**
 * The memory view: timelines of none against a policy, planned and measured, and the replay on the canvas.
 *
 * <p>May use execution, graph-model, the canvas (replay styles), {@code files}, {@code task} and {@code ui}.
 */
package dev.tensorloom.studio.memory;
