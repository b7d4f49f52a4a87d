/**
 * Export of a project to a PyTorch package (model.py from the Python block resources, weights.safetensors,
 * train.py, the data and export.json) and to ONNX, checked against the DJL engine. Sets its run up through
 * {@code run.RunSetup}, so it refuses the same graphs with the same words as {@code train}.
 *
 * <p>May use graph-model and execution's {@code compile}, {@code exec}, {@code data}, {@code train},
 * {@code run}, {@code op}, {@code checkpoint} and {@code recompute}; no JavaFX.
 */
package dev.tensorloom.execution.export;
