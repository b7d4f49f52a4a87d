/**
 * One training step and its parts: loss and gradient clipping, optimizers, learning-rate schedules,
 * evaluation and metrics.
 *
 * <p>May use graph-model's catalog, {@code compile}, {@code data}, {@code exec}, {@code op} and DJL.
 */
package dev.tensorloom.execution.train;
