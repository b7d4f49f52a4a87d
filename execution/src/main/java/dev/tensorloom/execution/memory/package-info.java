/** Memory measurement: an exact ledger of held tensors and measured native memory. */
package dev.tensorloom.execution.memory;
