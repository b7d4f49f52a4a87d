package dev.tensorloom.execution.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.model.doc.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** {@code export.json}: where the package came from and, once checked, the tolerances it was verified to. */
public final class ExportManifest {
    public static final String FILE_NAME = "export.json";

    private ExportManifest() {
    }

    static void write(Path file, ExportRequest request, TrainingConfig c, long parameters) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        String version = ExportManifest.class.getPackage().getImplementationVersion();
        root.put("tensorloomVersion", version == null ? "development build" : version);
        root.put("project", request.title());
        root.put("projectSha256", request.projectHash());
        root.put("exportedAt", Instant.now().toString());
        root.put("checkpointPolicy", c.checkpointPolicy());
        root.put("seed", c.seed());
        root.put("batchSize", c.batchSize());
        root.put("dataSteps", c.steps());
        root.put("parameters", parameters);
        root.put("weights", request.weights() == null ? "initial (seed " + c.seed() + ")" : request.weights().toString());
        root.putObject("verification");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** Records a verified tolerance, e.g. {@code onnx} → {maxAbs, maxRel}. */
    public static void recordVerification(Path folder, String check, Map<String, Object> figures) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        ObjectNode verification = root.with("verification");
        verification.set(check, json.valueToTree(figures));
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
