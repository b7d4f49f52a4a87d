/**
 * The main window's view and view model: menus, the project file, validation and estimates shown on the canvas.
 *
 * <p>May use {@code editor}, {@code files}, {@code gallery}, {@code inspector}, {@code palette}, {@code problems},
 * {@code task}, the canvas and graph-model.
 */
package dev.tensorloom.studio.main;
