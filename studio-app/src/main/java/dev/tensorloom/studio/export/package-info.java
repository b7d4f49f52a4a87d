/**
 * File → Export…: the dialog and its view model (format, folder with the overwrite question, trained or initial
 * weights, progress, Cancel, result line), exporting off the FX thread through execution's {@code export}.
 *
 * <p>May use execution's {@code export} and {@code run}, graph-model, {@code task}, {@code run} (the trained
 * weights) and {@code python}.
 */
package dev.tensorloom.studio.export;
