package dev.tensorloom.execution.export;

import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.op.flow.InvertibleOp;
import dev.tensorloom.model.catalog.ParamSpec;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.shape.TensorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled plan seen as Python: the attribute name of every node, the variable of every output, the
 * constructor call with its arguments, which dataset fields {@code forward} takes, and the inference part
 * ({@code predict}) without losses and training-only blocks. What {@link ModelSourceWriter} prints and what
 * the weights, data and ONNX steps name their tensors after.
 */
final class ModelGraph {
    /** One node as a statement: {@code outputs = self.attribute(arguments)}. */
    record Node(Step step, String attribute, List<String> outputs, List<String> arguments, String constructor,
            String shapes, BlockSource source) {
    }

    /** A tensor that {@code predict} returns: the variable and the name it carries in ONNX. */
    record Output(String variable, String name) {
    }

    /**
     * The normalizing flow feeding a {@code flow_nll} loss: its invertible steps from the data to the latent
     * {@code z} (the chain {@link dev.tensorloom.execution.exec.FlowSampler} inverts) and the features D.
     */
    record Flow(List<Node> steps, long features) {
    }

    private final Plan plan;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Integer, Node> byStep = new LinkedHashMap<>();
    private final Map<String, String> fieldVariables = new LinkedHashMap<>();
    private final Map<Integer, List<String>> variables = new LinkedHashMap<>();
    private final List<String> lossVariables = new ArrayList<>();
    private Flow flow;

    private ModelGraph(Plan plan) {
        this.plan = plan;
    }

    /**
     * @param concreteOutputs the output shapes of every step for one real batch (what derived constructor
     *     arguments such as {@code in_features} are read from)
     * @param symbolic the symbolic output types by node id and port, for comments
     */
    static ModelGraph of(Plan plan, BlockLibrary library, Map<Integer, Shape[]> concreteOutputs,
            Map<String, Map<String, TensorType>> symbolic) {
        ModelGraph g = new ModelGraph(plan);
        StateNames state = StateNames.of(plan);
        PythonNames names = new PythonNames();
        for (Step s : plan.steps()) {
            if (s.isSource()) {
                String var = g.fieldVariables.computeIfAbsent(s.field(), f -> names.claim(state.field(f)));
                g.variables.put(s.index(), List.of(var));
            }
        }
        // Attributes are claimed before any multi-output variable, in the order StateNames claims them.
        Map<Integer, String> attributes = new LinkedHashMap<>();
        for (Step s : plan.steps()) {
            if (!s.isSource()) {
                attributes.put(s.index(), names.claim(state.attribute(s.nodeId())));
            }
        }
        for (Step s : plan.steps()) {
            if (s.isSource()) {
                continue;
            }
            BlockSource source = library.find(s.type().id()).orElseThrow(() -> new ExportException(s.nodeId(),
                    "block type '" + s.type().id() + "' has no PyTorch implementation yet"));
            String attribute = attributes.get(s.index());
            List<String> outputs = new ArrayList<>();
            List<PortSpec> outPorts = s.type().outputs();
            if (outPorts.size() == 1) {
                outputs.add(attribute);
            } else {
                for (PortSpec p : outPorts) {
                    outputs.add(names.claim(s.nodeId() + "_" + p.name()));
                }
            }
            g.variables.put(s.index(), outputs);
            List<String> arguments = new ArrayList<>();
            for (Optional<InputRef> in : s.inputs()) {
                arguments.add(in.map(r -> g.variables.get(r.step()).get(r.output())).orElse("None"));
            }
            String constructor = constructor(s, source, g.inputShapes(s, concreteOutputs));
            Node node = new Node(s, attribute, outputs, arguments, constructor,
                    shapes(symbolic.getOrDefault(s.nodeId(), Map.of()), outPorts), source);
            g.nodes.add(node);
            g.byStep.put(s.index(), node);
            if (s.isLoss()) {
                g.lossVariables.add(outputs.get(0));
            }
        }
        g.flow = g.findFlow(concreteOutputs);
        return g;
    }

    /**
     * The chain from a {@code flow_nll} loss's z input upstream along first inputs to a dataset field, as the
     * studio's sampler follows it; null when there is no such loss or a step on the way is not invertible.
     */
    private Flow findFlow(Map<Integer, Shape[]> concreteOutputs) {
        Step loss = plan.lossSteps().stream().filter(s -> s.type().id().equals("flow_nll")).findFirst().orElse(null);
        if (loss == null || loss.inputs().get(0).isEmpty()) {
            return null;
        }
        List<Node> steps = new ArrayList<>();
        InputRef ref = loss.inputs().get(0).get();
        Step s = plan.step(ref.step());
        while (!s.isSource()) {
            if (!(s.op() instanceof InvertibleOp) || ref.output() != 0 || s.inputs().get(0).isEmpty()) {
                return null;
            }
            steps.add(0, byStep.get(s.index()));
            ref = s.inputs().get(0).get();
            s = plan.step(ref.step());
        }
        Shape[] data = concreteOutputs.get(s.index());
        long features = data == null ? -1 : data[0].get(data[0].dimension() - 1);
        return steps.isEmpty() ? null : new Flow(List.copyOf(steps), features);
    }

    private Shape[] inputShapes(Step s, Map<Integer, Shape[]> concrete) {
        Shape[] shapes = new Shape[s.inputs().size()];
        for (int k = 0; k < shapes.length; k++) {
            final int port = k;
            s.inputs().get(k).ifPresent(r -> {
                Shape[] outs = concrete.get(r.step());
                shapes[port] = outs == null ? null : outs[r.output()];
            });
        }
        return shapes;
    }

    private static String constructor(Step s, BlockSource source, Shape[] inputShapes) {
        Map<String, String> args = new LinkedHashMap<>();
        for (ParamSpec p : s.type().params()) {
            args.put(p.name(), PythonNames.literal(s.params().get(p.name())));
        }
        List<PortSpec> ports = s.type().inputs();
        for (BlockSource.Derived d : source.derived()) {
            int port = -1;
            for (int k = 0; k < ports.size(); k++) {
                if (ports.get(k).name().equals(d.port())) {
                    port = k;
                }
            }
            if (port < 0 || inputShapes[port] == null) {
                throw new ExportException(s.nodeId(), "cannot size '" + d.argument() + "': input '" + d.port()
                        + "' has no shape");
            }
            Shape shape = inputShapes[port];
            int dim = d.dimension() < 0 ? shape.dimension() + d.dimension() : d.dimension();
            args.put(d.argument(), Long.toString(shape.get(dim)));
        }
        StringBuilder b = new StringBuilder(source.className()).append('(');
        int i = 0;
        for (Map.Entry<String, String> a : args.entrySet()) {
            b.append(i++ > 0 ? ", " : "").append(a.getKey()).append('=').append(a.getValue());
        }
        return b.append(')').toString();
    }

    private static String shapes(Map<String, TensorType> types, List<PortSpec> outPorts) {
        List<String> parts = new ArrayList<>();
        for (PortSpec p : outPorts) {
            TensorType t = types.get(p.name());
            if (t != null) {
                parts.add(t.toString());
            }
        }
        return String.join(", ", parts);
    }

    Plan plan() {
        return plan;
    }

    List<Node> nodes() {
        return nodes;
    }

    Node node(int stepIndex) {
        return byStep.get(stepIndex);
    }

    /** Dataset field → the forward parameter that carries it, in plan order. */
    Map<String, String> fieldVariables() {
        return fieldVariables;
    }

    /** The variables of a step's outputs (for a source step, its field's parameter). */
    List<String> variables(int stepIndex) {
        return variables.get(stepIndex);
    }

    List<String> lossVariables() {
        return lossVariables;
    }

    /** The normalizing flow of the graph, when it is one (what {@code inverse} and {@code log_det} run). */
    Optional<Flow> flow() {
        return Optional.ofNullable(flow);
    }

    /** Blocks whose outputs are inputs of inference (training-only blocks), by step index. */
    private boolean trainingOnly(int step) {
        Node n = byStep.get(step);
        return n != null && n.source().trainingOnly();
    }

    /** What {@code predict} returns: every loss input that is neither a label nor a training-only draw. */
    List<Output> predictOutputs() {
        Set<String> seen = new LinkedHashSet<>();
        List<Output> out = new ArrayList<>();
        for (Node n : nodes) {
            if (!n.step().isLoss()) {
                continue;
            }
            for (Optional<InputRef> in : n.step().inputs()) {
                if (in.isEmpty()) {
                    continue;
                }
                InputRef r = in.get();
                Step producer = plan.step(r.step());
                if (producer.isSource() || producer.isLoss() || trainingOnly(r.step())) {
                    continue;
                }
                String var = variables.get(r.step()).get(r.output());
                if (seen.add(var)) {
                    out.add(new Output(var, var));
                }
            }
        }
        return out;
    }

    /**
     * The nodes {@code predict} runs, in plan order: every ancestor of an output up to dataset fields and
     * training-only blocks (whose outputs become inputs of {@code predict}).
     */
    List<Node> predictNodes() {
        Set<Integer> needed = new LinkedHashSet<>();
        List<Integer> stack = new ArrayList<>();
        for (Output o : predictOutputs()) {
            stack.add(producerOf(o.variable()));
        }
        while (!stack.isEmpty()) {
            int i = stack.remove(stack.size() - 1);
            Step s = plan.step(i);
            if (s.isSource() || trainingOnly(i) || !needed.add(i)) {
                continue;
            }
            s.inputs().forEach(in -> in.ifPresent(r -> stack.add(r.step())));
        }
        return nodes.stream().filter(n -> needed.contains(n.step().index())).toList();
    }

    /** The variables {@code predict} takes: fields and training-only outputs that its nodes read. */
    List<String> predictInputs() {
        Set<String> inputs = new LinkedHashSet<>();
        Set<Integer> inside = new LinkedHashSet<>();
        List<Node> run = predictNodes();
        run.forEach(n -> inside.add(n.step().index()));
        List<String> fields = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (Node n : run) {
            for (Optional<InputRef> in : n.step().inputs()) {
                in.filter(r -> !inside.contains(r.step())).ifPresent(r -> {
                    String var = variables.get(r.step()).get(r.output());
                    (plan.step(r.step()).isSource() ? fields : drawn).add(var);
                });
            }
        }
        // Dataset fields first, in forward's order, then the training-only outputs.
        fieldVariables.values().stream().filter(fields::contains).forEach(inputs::add);
        inputs.addAll(drawn);
        return List.copyOf(inputs);
    }

    private int producerOf(String variable) {
        for (Map.Entry<Integer, List<String>> e : variables.entrySet()) {
            if (e.getValue().contains(variable)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(variable);
    }
}
