/**
 * Work off the JavaFX thread and back: {@link dev.tensorloom.studio.task.BackgroundTask} (progress,
 * cancellation, on-finished), throttled publishers onto the FX thread, and the executors tests replace.
 *
 * <p>May use JavaFX only; nothing else of the studio.
 */
package dev.tensorloom.studio.task;
