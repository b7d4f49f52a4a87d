/**
 * Gradient checkpointing planners: policies, exact Revolve schedules for chains, and
 * segment plans for general graphs. Pure Java: no DJL, no JavaFX.
 */
package dev.tensorloom.execution.checkpoint;
