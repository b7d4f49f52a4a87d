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

    /**
     * @param nodes every node's attribute in model.py → its node id in the project (they differ where an id is
     *     not a Python name)
     */
    static void write(Path file, ExportRequest request, TrainingConfig c, long parameters, Map<String, String> nodes)
            throws IOException {
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
        ObjectNode names = root.putObject("nodes");
        nodes.forEach(names::put);
        root.putObject("verification");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** Attribute in model.py → node id, from a package's export.json (empty when it has none). */
    public static Map<String, String> nodes(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (Files.exists(file)) {
            new ObjectMapper().readTree(file.toFile()).path("nodes").fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
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
