/**
 * The {@code tensorloom} command line (picocli): every command loads through {@code ProjectSource}, sets its
 * work up through execution's {@code RunSetup} or {@code MemorySetup}, and reports user errors in one line
 * with exit code 2.
 *
 * <p>May use execution, graph-model, the templates and {@code shell} (screenshots).
 */
package dev.tensorloom.studio.cli;
