/**
 * What a session shows of one watched node beyond its statistics: attention heads, flow samples and latent
 * scatters, sampler steps, detected boxes; read by probes on the training thread, handed on as plain values.
 *
 * <p>May use {@code compile}, {@code exec}, {@code op}, {@code session}, {@code train} and DJL.
 */
package dev.tensorloom.execution.session.view;
