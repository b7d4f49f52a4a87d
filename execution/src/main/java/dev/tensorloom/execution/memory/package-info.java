/**
 * Memory bookkeeping and reading: an exact ledger of held tensors, glibc's native bytes in use, the
 * timeline of samples, and when repeated native readings count as a measurement.
 *
 * <p>A leaf: uses nothing else of Tensorloom.
 */
package dev.tensorloom.execution.memory;
