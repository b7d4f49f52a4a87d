package dev.tensorloom.execution.torch;

import dev.tensorloom.execution.export.ExportManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates between the studio's node ids and the attributes of an exported model.py, which are the same
 * unless a node id is not a Python name. Events from the child name attributes; the studio names nodes.
 */
final class ModelAttributes {
    private final Map<String, String> nodeOfAttribute;

    private ModelAttributes(Map<String, String> nodeOfAttribute) {
        this.nodeOfAttribute = nodeOfAttribute;
    }

    /** Reads the mapping from an exported package's manifest. */
    static ModelAttributes of(Path packageFolder) throws IOException {
        return new ModelAttributes(ExportManifest.nodes(packageFolder));
    }

    /** The node id of an attribute in model.py. */
    String nodeOf(String attribute) {
        return nodeOfAttribute.getOrDefault(attribute, attribute);
    }

    /** The attribute in model.py of a node id; null for null. */
    String attributeOf(String nodeId) {
        if (nodeId == null) {
            return null;
        }
        for (Map.Entry<String, String> e : nodeOfAttribute.entrySet()) {
            if (e.getValue().equals(nodeId)) {
                return e.getKey();
            }
        }
        return nodeId;
    }

    /** The event with every attribute it names replaced by its node id. */
    TorchEvent withNodeIds(TorchEvent event) {
        if (event instanceof TorchEvent.Activation a) {
            return new TorchEvent.Activation(a.step(), nodeOf(a.node()), a.output(), a.stats(), a.shape(), a.rows(),
                    a.cols(), a.values());
        }
        if (event instanceof TorchEvent.Memory m) {
            Map<String, Long> saved = new LinkedHashMap<>();
            m.savedBytes().forEach((k, v) -> saved.put(nodeOf(k), v));
            List<TorchEvent.Memory.Sample> samples = m.samples().stream()
                    .map(s -> new TorchEvent.Memory.Sample(s.phase(), nodeOf(s.node()), s.bytes())).toList();
            return new TorchEvent.Memory(m.step(), m.source(), m.device(), m.baselineBytes(), m.peakBytes(), saved, samples);
        }
        return event;
    }
}
