/**
 * Diffusion-transformer parts: patchify, timestep embedding, adaptive norms, unpatchify.
 *
 * <p>May use {@code op} (the op contract and helpers), graph-model's catalog and DJL.
 */
package dev.tensorloom.execution.op.generative;
