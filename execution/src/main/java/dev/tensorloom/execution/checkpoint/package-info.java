/**
 * Gradient checkpointing planners: policies, exact Revolve schedules for chains, and segment plans for
 * general graphs under a byte budget.
 *
 * <p>A leaf: pure Java and JGraphT; no DJL, no JavaFX, nothing else of Tensorloom (ArchUnit checks it).
 */
package dev.tensorloom.execution.checkpoint;
