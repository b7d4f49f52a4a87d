package dev.tensorloom.execution.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a written PyTorch package into {@code model.onnx} with the package's own {@code to_onnx.py}
 * ({@code torch.onnx.export} of {@code predict}), then verifies it inside the product with ONNX Runtime
 * against the studio's outputs on the sample batch. Above {@link #TOLERANCE} the export fails.
 */
public final class OnnxExport {
    /** Largest normwise relative difference accepted between ONNX Runtime and the studio's engine. */
    public static final double TOLERANCE = 1e-4;
    private static final long TIMEOUT_SECONDS = 1800;

    private OnnxExport() {
    }

    public static OnnxVerifier.Result write(PyTorchPackage.Written written, Path python, ExportProgress progress)
            throws IOException, InterruptedException {
        if (written.predictOutputs().isEmpty()) {
            throw new ExportException(null, "the graph has no prediction to export to ONNX (no loss reads a node output)");
        }
        Path folder = written.folder();
        Files.writeString(folder.resolve("to_onnx.py"),
                OnnxScript.write(written.className(), written.predictInputs(), written.predictOutputs()));
        progress.update("tracing model.onnx with torch.onnx.export", 0.92);
        PythonRun.Outcome outcome = PythonRun.run(python, folder, List.of("to_onnx.py"), TIMEOUT_SECONDS, line -> { });
        Path onnx = folder.resolve("model.onnx");
        if (outcome.exitCode() != 0 || !Files.exists(onnx)) {
            throw new IOException("to_onnx.py failed (exit " + outcome.exitCode() + "):\n"
                    + String.join("\n", outcome.tail()));
        }
        progress.update("checking model.onnx with ONNX Runtime", 0.97);
        OnnxVerifier.Result result = OnnxVerifier.verify(onnx, folder.resolve("data").resolve(PyTorchPackage.SAMPLE),
                written.predictInputs(), written.predictOutputs());
        ExportManifest.recordVerification(folder, "onnx", Map.of("maxAbsoluteDifference", result.maxAbsolute(),
                "maxRelativeDifference", result.maxRelative(), "tolerance", TOLERANCE, "batch", result.batch(),
                "checkedWith", "ONNX Runtime (Java) against the studio's engine"));
        if (!(result.maxRelative() <= TOLERANCE)) {
            throw new IOException(String.format(Locale.ROOT, "model.onnx differs from the studio's engine by %.3g "
                    + "(relative; largest absolute difference %.3g), above the tolerance %.0e", result.maxRelative(),
                    result.maxAbsolute(), TOLERANCE));
        }
        return result;
    }
}
