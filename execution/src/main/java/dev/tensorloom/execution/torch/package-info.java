/**
 * The PyTorch engine: {@code PyTorchSession} runs an exported package's train.py in a child process (or under
 * torchrun), reads its versioned JSON-lines events and reports them as the same {@code RunListener} calls as
 * the DJL session; the child exits when its parent's pipe closes.
 *
 * <p>May use {@code session} and {@code export}; no JavaFX.
 */
package dev.tensorloom.execution.torch;
