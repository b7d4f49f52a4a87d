package dev.tensorloom.execution.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints {@code model.py}: the block classes the graph uses (copied from the block library), then one
 * top module whose attributes are the nodes, named after their ids, and whose {@code forward} runs them in
 * topological order, one statement per node with its symbolic shape as a comment, returning the training
 * loss. {@code predict} is the same graph without losses and training-only blocks (what ONNX holds); a
 * detector also gets its box decoding ({@link DetectorDecoders}).
 * Checkpointed segments, when the project's policy has them, become methods run through
 * {@code torch.utils.checkpoint}.
 */
final class ModelSourceWriter {
    private static final String INDENT = "        ";
    private final ModelGraph graph;
    private final BlockLibrary library;

    ModelSourceWriter(ModelGraph graph, BlockLibrary library) {
        this.graph = graph;
        this.library = library;
    }

    /**
     * @param title       the project's name, for the docstrings
     * @param className   the top module's class name
     * @param checkpoints plan-step ranges {@code [first, last]} recomputed in backward (empty for none)
     */
    String write(String title, String className, List<int[]> checkpoints) {
        StringBuilder b = new StringBuilder();
        b.append("\"\"\"").append(title).append(", exported from Tensorloom Studio.\n\n")
                .append("Every block of the graph is a submodule named after its node id. `forward` runs them in the\n")
                .append("graph's topological order and returns the training loss; `predict` is the same network without\n")
                .append("its losses (what model.onnx holds). Comments give each tensor's shape in the graph's symbolic\n")
                .append("dimensions (B is the batch).\n")
                .append(graph.flow().isPresent() ? "The graph is a normalizing flow: `inverse` maps latent codes back to data "
                        + "(sampling) and\n`log_det` gives log |det ∂z/∂x|.\n" : "")
                .append("Load the weights with\n\n")
                .append("    model.load_state_dict(safetensors.torch.load_file(\"weights.safetensors\"))\n")
                .append("\"\"\"\n")
                .append("import math\n\nimport torch\nimport torch.nn.functional as F\nfrom torch import nn\n")
                .append("from torch.utils.checkpoint import checkpoint\n");
        for (BlockSource source : sourcesUsed()) {
            b.append("\n\n").append(source.code());
        }
        b.append("\n\n").append(topModule(title, className, checkpoints));
        return b.toString();
    }

    /**
     * Helpers first (in the order first needed), then one class per block type, in graph order; a detector
     * also gets the box decoding helper.
     */
    private List<BlockSource> sourcesUsed() {
        Map<String, BlockSource> helpers = new LinkedHashMap<>();
        Map<String, BlockSource> blocks = new LinkedHashMap<>();
        for (ModelGraph.Node n : graph.nodes()) {
            addHelpers(n.source(), helpers);
            blocks.putIfAbsent(n.source().name(), n.source());
        }
        if (!DetectorDecoders.of(graph).isEmpty()) {
            BlockSource decoding = library.find(DetectorDecoders.HELPER).orElseThrow();
            addHelpers(decoding, helpers);
            helpers.putIfAbsent(decoding.name(), decoding);
        }
        List<BlockSource> all = new ArrayList<>(helpers.values());
        all.addAll(blocks.values());
        return all;
    }

    private void addHelpers(BlockSource source, Map<String, BlockSource> into) {
        for (String name : source.uses()) {
            if (!into.containsKey(name)) {
                BlockSource helper = library.find(name).orElseThrow(() -> new IllegalStateException(
                        source.name() + ".py uses " + name + ".py, which is not in the block library"));
                addHelpers(helper, into);
                into.put(name, helper);
            }
        }
    }

    private String topModule(String title, String className, List<int[]> checkpoints) {
        StringBuilder b = new StringBuilder();
        List<String> fields = new ArrayList<>(graph.fieldVariables().values());
        b.append("class ").append(className).append("(nn.Module):\n")
                .append("    \"\"\"").append(title).append(": the graph as one module.\"\"\"\n\n")
                .append("    #: The dataset fields forward() takes, in order.\n")
                .append("    inputs = ").append(tuple(new ArrayList<>(graph.fieldVariables().keySet()))).append("\n")
                .append("    #: The node ids of the graph's losses; forward() returns their sum.\n")
                .append("    losses = ").append(tuple(graph.nodes().stream().filter(n -> n.step().isLoss())
                        .map(n -> n.step().nodeId()).toList())).append("\n")
                .append("    #: Whether forward() recomputes the checkpointed segments in backward instead of keeping\n")
                .append("    #: their activations (the project's checkpoint policy).\n")
                .append("    checkpointing = ").append(checkpoints.isEmpty() ? "False" : "True").append("\n\n")
                .append("    def __init__(self):\n        super().__init__()\n");
        for (ModelGraph.Node n : graph.nodes()) {
            b.append(INDENT).append("self.").append(n.attribute()).append(" = ").append(n.constructor()).append('\n');
        }
        b.append("\n    def forward(self, ").append(String.join(", ", fields)).append("):\n");
        List<Segment> segments = segments(checkpoints);
        Map<Integer, Segment> segmentAt = new LinkedHashMap<>();
        segments.forEach(s -> segmentAt.put(s.first, s));
        int skipUntil = -1;
        for (ModelGraph.Node n : graph.nodes()) {
            int i = n.step().index();
            if (i <= skipUntil) {
                continue;
            }
            Segment s = segmentAt.get(i);
            if (s != null) {
                b.append(INDENT).append(assignment(s.outputs)).append(" = self._run_segment(self.")
                        .append(s.method).append(s.inputs.isEmpty() ? "" : ", ").append(String.join(", ", s.inputs))
                        .append(")\n");
                skipUntil = s.last;
                continue;
            }
            b.append(statement(n));
        }
        b.append(INDENT).append("return ").append(graph.lossVariables().isEmpty() ? "None"
                : String.join(" + ", graph.lossVariables())).append('\n');
        appendPredict(b);
        graph.flow().ifPresent(flow -> b.append(FlowMethodsWriter.write(flow)));
        DetectorDecoders.of(graph).forEach(d -> b.append(DetectorDecoders.method(d)));
        for (Segment s : segments) {
            b.append("\n    def ").append(s.method).append("(self, ").append(String.join(", ", s.inputs)).append("):\n");
            b.append("        \"\"\"Nodes ").append(graph.plan().step(s.first).nodeId()).append(" to ")
                    .append(graph.plan().step(s.last).nodeId()).append(", recomputed in backward.\"\"\"\n");
            for (ModelGraph.Node n : graph.nodes()) {
                int i = n.step().index();
                if (i >= s.first && i <= s.last) {
                    b.append(statement(n));
                }
            }
            b.append(INDENT).append("return ").append(String.join(", ", s.outputs)).append('\n');
        }
        if (!segments.isEmpty()) {
            b.append("\n    def _run_segment(self, segment, *inputs):\n")
                    .append("        if self.checkpointing and self.training and torch.is_grad_enabled():\n")
                    .append("            return checkpoint(segment, *inputs, use_reentrant=False)\n")
                    .append("        return segment(*inputs)\n");
        }
        return b.toString();
    }

    private void appendPredict(StringBuilder b) {
        List<ModelGraph.Output> outputs = graph.predictOutputs();
        if (outputs.isEmpty()) {
            return;
        }
        b.append("\n    def predict(self, ").append(String.join(", ", graph.predictInputs())).append("):\n")
                .append("        \"\"\"The network without its losses: returns ")
                .append(String.join(", ", outputs.stream().map(ModelGraph.Output::name).toList())).append(".\"\"\"\n");
        for (ModelGraph.Node n : graph.predictNodes()) {
            b.append(statement(n));
        }
        b.append(INDENT).append("return ").append(String.join(", ", outputs.stream().map(ModelGraph.Output::variable)
                .toList())).append('\n');
    }

    private static String statement(ModelGraph.Node n) {
        String call = assignment(n.outputs()) + " = self." + n.attribute() + "(" + String.join(", ", n.arguments()) + ")";
        return INDENT + call + (n.shapes().isEmpty() ? "" : "  # " + n.shapes()) + "\n";
    }

    private static String assignment(List<String> vars) {
        return String.join(", ", vars);
    }

    private static String tuple(List<String> items) {
        if (items.isEmpty()) {
            return "()";
        }
        List<String> quoted = items.stream().map(PythonNames::string).toList();
        return "(" + String.join(", ", quoted) + (items.size() == 1 ? ",)" : ")");
    }

    /** A checkpointed run of nodes: the variables it reads from before and those read after it. */
    private record Segment(int first, int last, String method, List<String> inputs, List<String> outputs) {
    }

    private List<Segment> segments(List<int[]> ranges) {
        List<Segment> out = new ArrayList<>();
        int k = 1;
        for (int[] r : ranges) {
            Set<String> produced = new LinkedHashSet<>();
            Set<String> inputs = new LinkedHashSet<>();
            Set<String> outputs = new LinkedHashSet<>();
            for (ModelGraph.Node n : graph.nodes()) {
                int i = n.step().index();
                if (i < r[0] || i > r[1]) {
                    continue;
                }
                for (String a : n.arguments()) {
                    if (!produced.contains(a) && !"None".equals(a)) {
                        inputs.add(a);
                    }
                }
                produced.addAll(n.outputs());
            }
            for (ModelGraph.Node n : graph.nodes()) {
                if (n.step().index() > r[1]) {
                    n.arguments().stream().filter(produced::contains).forEach(outputs::add);
                }
            }
            graph.lossVariables().stream().filter(produced::contains).forEach(outputs::add);
            if (produced.isEmpty() || outputs.isEmpty()) {
                continue;
            }
            out.add(new Segment(r[0], r[1], "_segment_" + k++, List.copyOf(inputs), List.copyOf(outputs)));
        }
        return out;
    }
}
