/**
 * State-space models: S4D and Mamba selective scans.
 *
 * <p>May use {@code op} (the op contract and helpers), graph-model's catalog and DJL.
 */
package dev.tensorloom.execution.op.ssm;
