/**
 * The far-out overview: every item and wire drawn as boxes and lines into one bitmap, shown instead of
 * the views below the detail zoom.
 *
 * <p>May use {@code scene}, {@code view} and JavaFX.
 */
package dev.tensorloom.canvas.overview;
