/**
 * Block operations: one {@link dev.tensorloom.execution.op.BlockOp} per block type of the catalog, built by
 * an {@link dev.tensorloom.execution.op.OpRegistry}; the families live in sub-packages.
 *
 * <p>May use graph-model's catalog and DJL.
 */
package dev.tensorloom.execution.op;
