/**
 * Transformer parts: attention, feed-forward layers and positional encodings.
 *
 * <p>May use {@code op} (the op contract and helpers), graph-model's catalog and DJL.
 */
package dev.tensorloom.execution.op.transformer;
