package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.export.ExportRequest;
import dev.tensorloom.execution.export.OnnxExport;
import dev.tensorloom.execution.export.OnnxVerifier;
import dev.tensorloom.execution.export.PyTorchPackage;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.validate.Problem;
import dev.tensorloom.model.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tensorloom export}: writes a project as a PyTorch package, or as ONNX verified against the studio. */
@Command(name = "export", description = "Export a project as a PyTorch package (model.py, weights, train.py, data)"
        + " or as ONNX, checked against the studio's engine.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ProjectSource source;

    @Option(names = "--format", required = true, paramLabel = "pytorch|onnx",
            description = "pytorch: the package; onnx: the package plus model.onnx, verified with ONNX Runtime.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "An empty (or new) folder.")
    Path out;

    @Option(names = "--weights", paramLabel = "DIR",
            description = "Start from these weights (a folder from 'train --save' or train.py --save); "
                    + "default: the initial weights for the project's seed.")
    Path weights;

    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python (with torch and onnx) that writes model.onnx; default: TENSORLOOM_PYTHON, "
                    + "the managed environment ('tensorloom python setup'), then python3 on the PATH.")
    Path python;

    @Option(names = "--force", description = "Replace what DIR holds.")
    boolean force;

    @Option(names = "--steps", paramLabel = "N", description = "Steps of data to export (default: the project's).")
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: the project's).")
    Integer batch;

    @Option(names = "--checkpoint", paramLabel = "POLICY",
            description = "Checkpoint policy for train.py (default: the project's).")
    String checkpoint;

    @Spec
    CommandSpec spec;

    private static final List<String> ONNX_PACKAGES = List.of("torch", "safetensors", "onnx", "onnxscript");

    @Override
    public Integer call() throws Exception {
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("pytorch") && !kind.equals("onnx")) {
            throw new IllegalArgumentException("--format must be pytorch or onnx, got '" + format + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Project project = source.load();
        List<Problem> errors = Validator.validate(project.document(), BlockCatalog.standard()).stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            err.println(source.displayName() + ": " + errors.get(0).message());
            return TensorloomCli.BAD_INPUT;
        }
        RunOptions options = RunOptions.PROJECT.withDataFolder(source.folder());
        if (steps != null) {
            options = options.withSteps(steps);
        }
        if (batch != null) {
            options = options.withBatchSize(batch);
        }
        if (checkpoint != null) {
            options = options.withCheckpointPolicy(checkpoint);
        }
        Path interpreter = kind.equals("onnx") ? PythonForExport.require(python, ONNX_PACKAGES) : null;
        String title = project.name().isBlank() ? source.displayName() : project.name();
        ExportRequest request = new ExportRequest(project.document(), title, source.sha256(), options, weights, out, force);
        PyTorchPackage.Written written = PyTorchPackage.standard().write(request,
                (phase, fraction) -> err.printf("export: %3.0f%% %s%n", fraction * 100, phase));
 stdout.println("exported " + source.displayName() + " as a PyTorch package to " + written.folder()
                + " (" + written.parameters() + " parameters, " + written.dataSteps() + " steps of data)");
        if (interpreter != null) {
            OnnxVerifier.Result check = OnnxExport.write(written, interpreter,
                    (phase, fraction) -> err.printf("export: %3.0f%% %s%n", fraction * 100, phase));
            stdout.printf(Locale.ROOT, "wrote %s; ONNX Runtime against the studio's engine on a batch of %d: largest "
                    + "absolute difference %.3g, relative %.3g (tolerance %.0e)%n", written.folder().resolve("model.onnx"),
                    check.batch(), check.maxAbsolute(), check.maxRelative(), OnnxExport.TOLERANCE);
        }
        return TensorloomCli.OK;
    }
}
