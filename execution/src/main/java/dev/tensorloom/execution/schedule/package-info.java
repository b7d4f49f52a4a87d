/**
 * The bridge from the checkpoint planner to the executor: a profiling pass that measures each node,
 * the planner's graph built from a compiled plan, the activation schedules that carry out a
 * {@link dev.tensorloom.execution.checkpoint.CheckpointPlan}, and the memory meter that samples a run.
 */
package dev.tensorloom.execution.schedule;
