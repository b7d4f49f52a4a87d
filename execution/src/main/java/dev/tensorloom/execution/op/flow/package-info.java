/**
 * Normalizing flows: coupling layers and their inverses, scored by exact likelihood.
 *
 * <p>May use {@code op} (the op contract and helpers), graph-model's catalog and DJL.
 */
package dev.tensorloom.execution.op.flow;
