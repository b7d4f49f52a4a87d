/**
 * The profiling pass: runs a plan's forward pass taped, several times, and measures per node the bytes its
 * taped forward leaves held, its output bytes and its time; the costs the checkpoint planner starts from.
 *
 * <p>May use {@code compile}, {@code exec}, {@code memory} and DJL.
 */
package dev.tensorloom.execution.profile;
