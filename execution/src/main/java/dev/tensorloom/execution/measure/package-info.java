/**
 * Measures what a checkpoint policy costs, against {@code none} in the same process: peak measured and
 * ledger memory, step times and recomputations, sampled at every executor action by a
 * {@link dev.tensorloom.execution.measure.MemoryMeter}.
 *
 * <p>May use {@code checkpoint}, {@code compile}, {@code exec}, {@code memory}, {@code profile},
 * {@code recompute} and DJL.
 */
package dev.tensorloom.execution.measure;
