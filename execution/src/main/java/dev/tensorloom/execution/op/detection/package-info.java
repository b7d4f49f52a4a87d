/**
 * Dense and set-prediction detection: spatial pyramids, box heads, GIoU, varifocal and Hungarian-matched losses.
 *
 * <p>May use {@code op} (the op contract and helpers), graph-model's catalog and DJL.
 */
package dev.tensorloom.execution.op.detection;
