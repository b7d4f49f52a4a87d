/**
 * Training data: seeded synthetic datasets generated on the fly ({@link dev.tensorloom.execution.data.DatasetRegistry}),
 * user data from CSV files and image folders, all as pure-Java {@link dev.tensorloom.execution.data.HostBatch}es that
 * {@link dev.tensorloom.execution.data.ArrayBatchSource} turns into NDArrays for the executor's
 * {@link dev.tensorloom.execution.data.BatchSource}.
 *
 * <p>May use graph-model and DJL.
 */
package dev.tensorloom.execution.data;
