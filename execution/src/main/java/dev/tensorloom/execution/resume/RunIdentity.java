package dev.tensorloom.execution.resume;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.doc.Wire;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What makes a resumed run the same run: the graph (nodes, their types and parameters, and wires; not
 * the layout or labels) and every training setting that shapes the loss curve. The device, checkpoint
 * policy and evaluation interval may differ between the parts of a run; all policies give the same
 * gradients, and the others change nothing the curve depends on.
 *
 * @param graph     SHA-256 of the graph in a canonical form
 * @param settings  the settings that must match, by their project-file names, as text
 */
public record RunIdentity(String graph, Map<String, String> settings) {
    public RunIdentity {
        Objects.requireNonNull(graph, "graph");
        settings = Map.copyOf(settings);
    }

    /** The identity of a run of {@code document} under its effective configuration {@code config}. */
    public static RunIdentity of(Document document, TrainingConfig config) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dataset", config.dataset());
        s.put("optimizer", config.optimizer());
        s.put("learningRate", Double.toString(config.learningRate()));
        s.put("schedule", config.schedule());
        s.put("warmupSteps", Integer.toString(config.warmupSteps()));
        s.put("weightDecay", Double.toString(config.weightDecay()));
        s.put("momentum", Double.toString(config.momentum()));
        s.put("gradientClip", Double.toString(config.gradientClip()));
        s.put("batchSize", Integer.toString(config.batchSize()));
        s.put("steps", Integer.toString(config.steps()));
        s.put("seed", Long.toString(config.seed()));
        return new RunIdentity(fingerprint(document), s);
    }

    /**
     * Why a run with identity {@code now} cannot continue this saved one, one clause per difference
     * ({@code batchSize was 64, is 32}); empty when it can.
     */
    public List<String> differences(RunIdentity now) {
        List<String> out = new ArrayList<>();
        if (!graph.equals(now.graph)) {
            out.add("the graph is not the one the run was trained on");
        }
        new TreeMap<>(settings).forEach((name, was) -> {
            String is = now.settings.get(name);
            if (!was.equals(is)) {
                out.add(name + " was " + was + ", is " + is);
            }
        });
        return out;
    }

    /** SHA-256 over nodes in id order (id, type, sorted parameters) and wires in id order (ends only). */
    static String fingerprint(Document document) {
        StringBuilder canonical = new StringBuilder();
        document.nodes().stream().sorted(Comparator.comparing(Node::id)).forEach(n -> canonical.append("node ")
                .append(n.id()).append(' ').append(n.type()).append(' ').append(new TreeMap<>(n.params())).append('\n'));
        document.wires().stream().sorted(Comparator.comparing(Wire::id)).forEach(w -> canonical.append("wire ")
                .append(w.from()).append(" -> ").append(w.to()).append('\n'));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
