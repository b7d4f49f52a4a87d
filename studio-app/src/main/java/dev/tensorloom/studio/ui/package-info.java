/**
 * Small controls and values the panels share: a scroll pane that stays live, chart placeholders and points.
 *
 * <p>May use JavaFX only; nothing else of the studio.
 */
package dev.tensorloom.studio.ui;
