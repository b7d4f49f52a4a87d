package dev.tensorloom.studio.export;

import java.nio.file.Path;

/**
 * What an export wrote, for the dialog's result line.
 *
 * @param onnx the ONNX Runtime check against the studio's engine, or null when no model.onnx was written
 */
public record ExportOutcome(Path folder, int parameters, int dataSteps, OnnxCheck onnx) {
    /** The largest differences between ONNX Runtime and the studio's engine on the sample batch. */
    public record OnnxCheck(long batch, double maxAbsolute, double maxRelative, double tolerance) {
    }
}
