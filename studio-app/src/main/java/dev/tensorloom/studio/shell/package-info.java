/**
 * The studio's shell: the application, the window that wires the panels together, the actions of its menus,
 * and headless screenshots of it.
 *
 * <p>May use the panels, {@code ui}, {@code files}, {@code task}, the canvas, execution and graph-model.
 */
package dev.tensorloom.studio.shell;
