/**
 * Carries out a checkpoint policy on a compiled plan: builds the planner's graph from the plan and a
 * measured {@link dev.tensorloom.execution.profile.NodeProfile}, plans it with the {@code checkpoint}
 * planner, and turns the plan into the {@link dev.tensorloom.execution.exec.ActivationSchedule} the
 * executor follows (which activations it keeps, which it recomputes).
 *
 * <p>May use {@code checkpoint}, {@code compile}, {@code exec}, {@code profile} and DJL.
 */
package dev.tensorloom.execution.recompute;
