/**
 * The executor: runs a plan's forward and backward node by node under an
 * {@link dev.tensorloom.execution.exec.ActivationSchedule}, holds the parameters, reports every action
 * ({@link dev.tensorloom.execution.exec.ExecutorAction}) and samples flows and rectified flows.
 *
 * <p>May use {@code checkpoint} (Revolve chain actions), {@code compile}, {@code op} and DJL.
 */
package dev.tensorloom.execution.exec;
