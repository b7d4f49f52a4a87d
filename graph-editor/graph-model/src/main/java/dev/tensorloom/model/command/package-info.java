/**
 * Every document edit as a small command with execute, undo, redo and a description, and the
 * {@link dev.tensorloom.model.command.UndoStack} with its revision counter.
 *
 * <p>May use {@code doc}.
 */
package dev.tensorloom.model.command;
