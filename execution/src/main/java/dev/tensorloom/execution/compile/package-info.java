/**
 * Compiles a {@link dev.tensorloom.model.doc.Document} into a {@link dev.tensorloom.execution.compile.Plan}:
 * topologically ordered steps, one op per node, resolved inputs and the device.
 *
 * <p>May use graph-model, {@code op} and DJL.
 */
package dev.tensorloom.execution.compile;
