/**
 * The Python environment that export checks and the PyTorch engine run in: the one pinned
 * requirements file, a probe of what an interpreter has, the locator that decides which interpreter
 * to use, and {@link dev.tensorloom.execution.python.ManagedPython}, which creates and repairs the
 * managed venv. Python always runs as a child process; nothing here starts an interpreter in the JVM.
 */
package dev.tensorloom.execution.python;
