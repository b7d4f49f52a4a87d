/**
 * Setting a run up from a project: {@link dev.tensorloom.execution.run.RunSetup} compiles the document,
 * opens its data and parameters and chooses how activations are kept, once for every caller (the command
 * line, the studio, the exporter).
 *
 * <p>May use every other package of execution and graph-model.
 */
package dev.tensorloom.execution.run;
