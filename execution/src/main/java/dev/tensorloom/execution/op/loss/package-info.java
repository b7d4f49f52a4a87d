/**
 * Loss blocks: cross-entropy, regression, angular-margin and residual log-likelihood losses.
 *
 * <p>May use {@code op} (the op contract and helpers), graph-model's catalog and DJL.
 */
package dev.tensorloom.execution.op.loss;
