/**
 * The run panel and {@link dev.tensorloom.studio.run.RunCoordinator}, which owns the active run.
 *
 * <p>May use execution, graph-model, {@code files}, {@code memory} (the analyzer it hands out), {@code task} and {@code ui}.
 */
package dev.tensorloom.studio.run;
