package dev.tensorloom.studio.export;

import dev.tensorloom.execution.export.ExportException;
import dev.tensorloom.execution.export.ExportProgress;
import dev.tensorloom.execution.export.ExportRequest;
import dev.tensorloom.execution.export.OnnxExport;
import dev.tensorloom.execution.export.OnnxVerifier;
import dev.tensorloom.execution.export.PyTorchPackage;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectWriter;
import dev.tensorloom.model.validate.Problem;
import dev.tensorloom.model.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Exports a copy of the studio's project exactly as {@code tensorloom export} does: the PyTorch package from
 * the project's own settings (relative user-data paths start at the project's folder), and for ONNX
 * {@code model.onnx} verified with ONNX Runtime against the studio's engine.
 */
public final class StandardProjectExporter implements ProjectExporter {
    private final Document document;
    private final String title;
    private final Path dataFolder;

    /**
     * @param document   a copy the studio no longer edits
     * @param title      the project's name (class name and README of the package)
     * @param dataFolder the project file's folder, or null for an untitled project
     */
    public StandardProjectExporter(Document document, String title, Path dataFolder) {
        this.document = document;
        this.title = title;
        this.dataFolder = dataFolder;
    }

    @Override
    public ExportOutcome export(ExportJob job, ExportProgress progress) throws Exception {
        Problem error = Validator.validate(document, BlockCatalog.standard()).stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR).findFirst().orElse(null);
        if (error != null) {
            throw new ExportException(null, "the model has errors to fix first: " + error.message());
        }
        RunOptions options = dataFolder == null ? RunOptions.PROJECT : RunOptions.PROJECT.withDataFolder(dataFolder);
        String json = ProjectWriter.toJson(new Project(title, document));
        ExportRequest request = new ExportRequest(document, title, sha256(json), options, job.weights(), job.folder(),
                job.force());
        boolean onnx = job.format() == ExportFormat.ONNX;
        // The package is most of an ONNX export's work; its share of the bar leaves room for tracing and checking.
        double share = onnx ? 0.9 : 1.0;
        PyTorchPackage.Written written = PyTorchPackage.standard().write(request,
                (phase, fraction) -> progress.update(phase, fraction * share));
        if (!onnx) {
            return new ExportOutcome(written.folder(), written.parameters(), written.dataSteps(), null);
        }
        OnnxVerifier.Result check = OnnxExport.write(written, job.python(), progress);
        progress.update("done", 1.0);
        return new ExportOutcome(written.folder(), written.parameters(), written.dataSteps(),
                new ExportOutcome.OnnxCheck(check.batch(), check.maxAbsolute(), check.maxRelative(), OnnxExport.TOLERANCE));
    }

    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
