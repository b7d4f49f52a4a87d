/**
 * The managed Python environment in the studio: the setup dialog (progress, pip's log, Cancel that kills pip),
 * Preferences → Python and the service export and the PyTorch engine ask for an interpreter.
 *
 * <p>May use execution's {@code python}, {@code task} and {@code files}.
 */
package dev.tensorloom.studio.python;
