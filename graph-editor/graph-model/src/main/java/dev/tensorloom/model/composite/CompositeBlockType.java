package dev.tensorloom.model.composite;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Estimate;
import dev.tensorloom.model.catalog.Params;
import dev.tensorloom.model.catalog.ShapeContext;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.estimate.Estimates;
import dev.tensorloom.model.shape.PortProblem;
import dev.tensorloom.model.shape.TensorType;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.model.validate.ShapeReport;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group of nodes saved as a reusable block type (category {@link BlockCategory#COMPOSITE}). Its
 * ports are inner ports left open (see {@link ExposedPort}); its shape rule runs {@link ShapeInference}
 * on the inner graph with the composite's input types injected, and its estimator sums the inner
 * {@link Estimates}. Inner parameter values are fixed when the composite is made.
 */
public final class CompositeBlockType {
    private final Document inner;
    private final BlockCatalog catalog;
    private final List<ExposedPort> inputs;
    private final List<ExposedPort> outputs;
    private final BlockType blockType;

    private CompositeBlockType(String typeId, String title, Document inner, BlockCatalog catalog,
            CompositePorts ports) {
        this.inner = inner;
        this.catalog = catalog;
        this.inputs = List.copyOf(ports.inputs);
        this.outputs = List.copyOf(ports.outputs);
        boolean loss = inner.nodes().stream()
                .anyMatch(n -> catalog.require(n.type()).role() == BlockType.Role.LOSS);
        BlockType.Builder b = BlockType.builder(typeId).title(title).category(BlockCategory.COMPOSITE)
                .description("Composite of " + inner.nodeCount() + " blocks")
                .role(loss ? BlockType.Role.LOSS : BlockType.Role.LAYER)
                .shape(this::inferShapes)
                .estimator(this::estimate);
        inputs.forEach(p -> b.input(p.spec()));
        outputs.forEach(p -> b.output(p.spec()));
        this.blockType = b.build();
    }

    /**
     * Makes a composite from the nodes of {@code groupId} in {@code doc}: wires inside the group are
     * kept, inputs fed and outputs read from outside the group become composite ports too.
     *
     * @param names chosen names for exposed ports; others are called {@code innerNode_port}
     */
    public static CompositeBlockType fromGroup(Document doc, String groupId, String typeId, Map<PortRef, String> names,
            BlockCatalog catalog) {
        List<Node> members = doc.nodes().stream().filter(n -> groupId.equals(n.group())).toList();
        if (members.isEmpty()) {
            throw new IllegalArgumentException("group '" + groupId + "' has no nodes");
        }
        Set<String> ids = new HashSet<>();
        members.forEach(n -> ids.add(n.id()));
        Set<PortRef> fedFromOutside = new HashSet<>();
        Set<PortRef> readOutside = new HashSet<>();
        for (Wire w : doc.wires()) {
            boolean fromIn = ids.contains(w.from().nodeId());
            boolean toIn = ids.contains(w.to().nodeId());
            if (toIn && !fromIn) {
                fedFromOutside.add(w.to());
            } else if (fromIn && !toIn) {
                readOutside.add(w.from());
            }
        }
        String title = doc.group(groupId).map(Group::label).orElse(groupId);
        Document inner = innerDocument(members, doc.wires(), ids);
        return new CompositeBlockType(typeId, title, inner, catalog,
                new CompositePorts(inner, catalog, fedFromOutside, readOutside, names));
    }

    /** Makes a composite from loose nodes and wires (wires leaving the set are ignored), e.g. when loading. */
    public static CompositeBlockType of(String typeId, String title, Collection<Node> nodes, Collection<Wire> wires,
            Map<PortRef, String> names, BlockCatalog catalog) {
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        Document inner = innerDocument(nodes, wires, ids);
        return new CompositeBlockType(typeId, title, inner, catalog,
                new CompositePorts(inner, catalog, Set.of(), Set.of(), names));
    }

    private static Document innerDocument(Collection<Node> nodes, Collection<Wire> wires, Set<String> ids) {
        Document d = new Document();
        nodes.forEach(d::addNode);
        for (Wire w : wires) {
            if (ids.contains(w.from().nodeId()) && ids.contains(w.to().nodeId())) {
                d.addWire(w);
            }
        }
        return d;
    }

    /** The catalog entry; register it with {@link BlockCatalog#register}. */
    public BlockType blockType() {
        return blockType;
    }

    public List<ExposedPort> inputs() {
        return inputs;
    }

    public List<ExposedPort> outputs() {
        return outputs;
    }

    /** The inner nodes, sorted by id (for saving the definition). */
    public Collection<Node> innerNodes() {
        return inner.nodes();
    }

    /** The inner wires, sorted by id (for saving the definition). */
    public Collection<Wire> innerWires() {
        return inner.wires();
    }

    /** Shapes of the inner graph for the given composite input types (for drilling into a composite). */
    public ShapeReport innerShapes(Map<String, TensorType> inputTypes) {
        Map<PortRef, TensorType> injected = new HashMap<>();
        Map<PortRef, String> sources = new HashMap<>();
        for (ExposedPort in : inputs) {
            TensorType t = inputTypes.get(in.name());
            if (t != null) {
                injected.put(in.inner(), t);
                sources.put(in.inner(), "input " + in.name());
            }
        }
        return ShapeInference.run(inner, catalog, injected, sources);
    }

    private void inferShapes(ShapeContext ctx) {
        Map<String, TensorType> arriving = new HashMap<>();
        for (ExposedPort in : inputs) {
            ctx.input(in.name()).ifPresent(t -> arriving.put(in.name(), t));
        }
        ShapeReport report = innerShapes(arriving);
        for (PortProblem p : report.problems()) {
            ctx.error(exposedInputName(p), p.message());
        }
        for (ExposedPort out : outputs) {
            report.output(out.inner()).ifPresent(t -> ctx.output(out.name(), t));
        }
    }

    /** The composite input a problem sits on, so the editor marks that port; otherwise the whole node. */
    private String exposedInputName(PortProblem p) {
        for (ExposedPort in : inputs) {
            if (in.inner().nodeId().equals(p.nodeId()) && in.inner().port().equals(p.port())) {
                return in.name();
            }
        }
        return "";
    }

    private Estimate estimate(Params params, Map<String, TensorType> inputTypes, Map<String, TensorType> outputTypes) {
        return Estimates.compute(inner, catalog, innerShapes(inputTypes)).total();
    }
}
