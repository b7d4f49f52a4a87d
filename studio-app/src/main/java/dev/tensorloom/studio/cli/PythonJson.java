package dev.tensorloom.studio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.python.PinnedRequirements;
import dev.tensorloom.execution.python.PythonInfo;
import dev.tensorloom.execution.python.PythonReport;

/** A {@link PythonReport} as JSON, for {@code python status --json} and {@code info --json}. */
final class PythonJson {
    private PythonJson() {
    }

    static ObjectNode report(ObjectMapper mapper, PythonReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("interpreter", report.located().interpreter() == null ? null : report.located().interpreter().toString());
        root.put("source", report.located().source().name().toLowerCase(java.util.Locale.ROOT));
        root.put("reason", report.located().reason());
        PythonInfo info = report.check().info();
        if (info != null) {
            root.put("pythonVersion", info.pythonVersion());
            ObjectNode packages = root.putObject("packages");
            for (PinnedRequirements.Pin pin : PinnedRequirements.bundled().pins()) {
                ObjectNode p = packages.putObject(pin.name());
                p.put("pinned", pin.version());
                p.put("installed", info.versions().get(pin.name()));
            }
            PythonInfo.Torch t = info.torch();
            if (t != null) {
                ObjectNode torch = root.putObject("torch");
                torch.put("version", t.version());
                torch.put("cudaVersion", t.cudaVersion());
                torch.put("cudaAvailable", t.cudaAvailable());
                ArrayNode gpus = torch.putArray("gpus");
                t.gpus().forEach(g -> gpus.addObject().put("name", g.name()).put("totalMemoryBytes", g.totalMemoryBytes()));
            }
        }
        root.put("satisfied", report.satisfied());
        ArrayNode problems = root.putArray("problems");
        report.check().problems().forEach(problems::add);
        return root;
    }
}
