/**
 * Project files on a background thread: open, save, autosave and recovery, recent files, window placement.
 *
 * <p>May use graph-model and {@code task}.
 */
package dev.tensorloom.studio.files;
