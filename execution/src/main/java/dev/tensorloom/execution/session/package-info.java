/**
 * A training session: the loop of batches, loss, optimizer and evaluation on its own thread, reporting to a
 * {@link dev.tensorloom.execution.session.RunListener} (step metrics, activation snapshots, executor actions).
 *
 * <p>May use graph-model, {@code compile}, {@code data}, {@code exec}, {@code memory} (the native heap trim),
 * {@code op}, {@code train} and DJL.
 */
package dev.tensorloom.execution.session;
