package dev.tensorloom.studio.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The deep-chain template cut to its first blocks, with a small batch: the same model, quick to measure. */
public final class SmallChain {
    private static final Pattern BLOCK = Pattern.compile("b(\\d+)_.*");

    private SmallChain() {
    }

    public static Project project(int blocks, int batch) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(TemplateCatalog.builtIn().projectJson("deep-chain"));
        ObjectNode graph = (ObjectNode) root.get("graph");
        ObjectNode nodes = (ObjectNode) graph.get("nodes");
        ObjectNode layout = (ObjectNode) root.get("layout");
        List<String> dropped = new ArrayList<>();
        for (Iterator<String> it = nodes.fieldNames(); it.hasNext();) {
            String id = it.next();
            Matcher m = BLOCK.matcher(id);
            if (m.matches() && Integer.parseInt(m.group(1)) > blocks) {
                dropped.add(id);
            }
        }
        nodes.remove(dropped);
        layout.remove(dropped);
        ObjectNode wires = (ObjectNode) graph.get("wires");
        List<String> cut = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = wires.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> w = it.next();
            String from = w.getValue().get("from").asText().split("\\.")[0];
            String to = w.getValue().get("to").asText().split("\\.")[0];
            if (dropped.contains(from) || dropped.contains(to)) {
                cut.add(w.getKey());
            }
        }
        wires.remove(cut);
        // The template groups each residual block ("blockN"): the groups of the blocks cut go with them.
        ObjectNode groups = (ObjectNode) graph.get("groups");
        if (groups != null) {
            List<String> empty = new ArrayList<>();
            groups.fieldNames().forEachRemaining(g -> {
                if (g.startsWith("block") && Integer.parseInt(g.substring("block".length())) > blocks) {
                    empty.add(g);
                }
            });
            groups.remove(empty);
        }
        ObjectNode head = wires.putObject("w-head");
        head.put("from", "b" + blocks + "_add.out");
        head.put("to", "loss.pred");
        ((ObjectNode) root.get("training")).put("batchSize", batch);
        root.put("name", "small-chain");
        return ProjectReader.fromJson(json.writeValueAsString(root), "small-chain.tlm");
    }
}
