package dev.tensorloom.execution.compile;

import ai.djl.Device;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpFactory;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Params;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link Document} into a {@link Plan}: resolves block types and ops, orders steps, wires producers. */
public final class Compiler {
    private Compiler() {
    }

    public static Plan compile(Document doc, BlockCatalog catalog, OpRegistry ops, DeviceChoice device) {
        Device resolved = device.resolve();
        List<String> order = doc.topologicalOrder();
        if (order.isEmpty()) {
            throw new CompileException(null, "the graph is empty");
        }
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            indexOf.put(order.get(i), i);
        }
        List<Step> steps = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Node node = doc.requireNode(order.get(i));
            BlockType type = catalog.find(node.type())
                    .orElseThrow(() -> new CompileException(node.id(), "unknown block type '" + node.type() + "'"));
            Params params = new Params(type, node.params());
            BlockOp op = null;
            if (type.role() == BlockType.Role.SOURCE) {
                requireField(node, params);
            } else {
                OpFactory factory = ops.find(type.id()).orElseThrow(() -> new CompileException(node.id(),
                        "no implementation for block type '" + type.id() + "'"));
                op = factory.create(params);
            }
            steps.add(new Step(i, node.id(), type, params, op, inputsOf(doc, catalog, node, type, indexOf),
                    type.outputs().size()));
        }
        return new Plan(steps, resolved);
    }

    private static void requireField(Node node, Params params) {
        Object field;
        try {
            field = params.get("field");
        } catch (IllegalArgumentException e) {
            throw new CompileException(node.id(), "input block has no 'field' parameter");
        }
        if (!(field instanceof String s) || s.isBlank()) {
            throw new CompileException(node.id(), "input block needs a dataset field name");
        }
    }

    private static List<Optional<InputRef>> inputsOf(Document doc, BlockCatalog catalog, Node node, BlockType type,
            Map<String, Integer> indexOf) {
        List<Optional<InputRef>> refs = new ArrayList<>();
        for (PortSpec port : type.inputs()) {
            Optional<Wire> wire = doc.wireInto(new PortRef(node.id(), port.name()));
            if (wire.isEmpty()) {
                if (!port.optional()) {
                    throw new CompileException(node.id(), "input '" + port.name() + "' is not connected");
                }
                refs.add(Optional.empty());
                continue;
            }
            PortRef from = wire.get().from();
            Node producer = doc.requireNode(from.nodeId());
            int outputIndex = outputIndex(catalog, producer, from.port(), node);
            refs.add(Optional.of(new InputRef(indexOf.get(from.nodeId()), outputIndex)));
        }
        return refs;
    }

    private static int outputIndex(BlockCatalog catalog, Node producer, String port, Node consumer) {
        List<PortSpec> outs = catalog.require(producer.type()).outputs();
        for (int k = 0; k < outs.size(); k++) {
            if (outs.get(k).name().equals(port)) {
                return k;
            }
        }
        throw new CompileException(consumer.id(), "is wired to '" + producer.id() + "." + port
                + "', which is not an output of " + producer.type());
    }
}
