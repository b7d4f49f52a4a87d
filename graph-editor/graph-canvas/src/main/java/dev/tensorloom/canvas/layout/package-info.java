/**
 * Automatic layout: ELK's layered algorithm on its own thread (warmed up at launch), and the folding of
 * a long chain into rows.
 *
 * <p>May use {@code view} (node geometry), graph-model and ELK.
 */
package dev.tensorloom.canvas.layout;
