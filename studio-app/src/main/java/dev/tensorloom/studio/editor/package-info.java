/**
 * The canvas in the studio: its connection check (shapes, through one candidate's trial) and editing glue.
 *
 * <p>May use {@code files}, the canvas and graph-model.
 */
package dev.tensorloom.studio.editor;
