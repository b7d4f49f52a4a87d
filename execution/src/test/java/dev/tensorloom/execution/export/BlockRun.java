package dev.tensorloom.execution.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.op.RandomDraws;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs one {@link BlockCase} in the studio's engine and writes what the PyTorch side needs to repeat it:
 * a one-block graph (inputs → block → an {@code mse} against a random target per output, unless the block
 * is itself a loss), its parameters perturbed away from their initial values, one training step's outputs,
 * parameter gradients, the gradients of its floating inputs and moved buffers, the outputs of an evaluation
 * after that step, and the exported {@code model.py} and weights.
 */
final class BlockRun {
    static final String BLOCK = "block";
    private static final long SEED = 11;
    private static final BlockCatalog CATALOG = BlockCatalog.standard();

    private BlockRun() {
    }

    /** Writes the case into {@code folder}: model.py, weights.safetensors, case.safetensors and case.json. */
    static void write(BlockCase c, Path folder) throws IOException {
        Files.createDirectories(folder);
        BlockType type = CATALOG.require(c.type());
        Random random = new Random(c.name().hashCode());
        Map<String, HostArray> fields = new LinkedHashMap<>();
        DocumentBuilder g = new DocumentBuilder();
        g.node(BLOCK, c.type(), flatten(c.params()));
        for (int k = 0; k < type.inputs().size(); k++) {
            InputSpec spec = k < c.inputs().size() ? c.inputs().get(k) : null;
            if (spec == null) {
                continue;
            }
            String port = type.inputs().get(k).name();
            String field = "in_" + port;
            g.node(field, "input", "field", field, "shape", spec.symbolic(), "dtype", spec.isInteger() ? "int64" : "float32");
            g.wire(field + ".out", BLOCK + "." + port);
            fields.put(field, spec.generate(random));
        }
        Map<Integer, Shape[]> outputShapes = shapesOf(g.build(), fields);
        if (type.role() != BlockType.Role.LOSS) {
            Plan probe = compile(g.build());
            Shape[] outs = outputShapes.get(probe.indexOf(BLOCK));
            for (int k = 0; k < type.outputs().size(); k++) {
                PortSpec port = type.outputs().get(k);
                String target = "target_" + port.name();
                float[] values = new float[Math.toIntExact(outs[k].size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                g.node(target, "input", "field", target, "shape", symbolic(outs[k]), "dtype", "float32");
                g.node("mse_" + port.name(), "mse");
                g.wire(BLOCK + "." + port.name(), "mse_" + port.name() + ".pred");
                g.wire(target + ".out", "mse_" + port.name() + ".target");
                fields.put(target, HostArray.ofFloats(values, outs[k].getShape()));
            }
        }
        Document doc = g.build();
        Plan plan = compile(doc);
        outputShapes = shapesOf(doc, fields);
        JniUtils.setGradMode(true);
        try (ParameterStore store = new ParameterStore(plan.device(), SEED);
                Executor executor = new Executor(plan, store, SEED);
                NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = ArrayBatchSource.toArrays(m, new HostBatch(fields));
            executor.evaluate(batch, (s, o, p) -> { });
            perturb(store, random);
            // The weights as training finds them: a training step moves buffers (running statistics).
            PackageWeights.write(store, plan, folder.resolve(PackageWeights.FILE_NAME));
            Map<String, HostArray> expected = new LinkedHashMap<>();
            ModelGraph graph = ModelGraph.of(plan, BlockLibrary.standard(), outputShapes, Map.of());
            int blockIndex = plan.indexOf(BLOCK);
            List<String> vars = graph.variables(blockIndex);
            executor.train(batch, 0, ActivationSchedule.NONE, ExecutorListener.NONE, (step, outputs, published) -> {
                if (step.index() == blockIndex) {
                    for (int k = 0; k < outputs.size(); k++) {
                        expected.put("output." + vars.get(k), host(outputs.get(k)));
                    }
                }
            });
            StateNames names = StateNames.of(plan);
            for (Map.Entry<String, NDArray> p : store.parameters()) {
                try (NDManager scratch = m.newSubManager()) {
                    expected.put("grad." + names.stateKey(p.getKey()), host(ParameterStore.gradient(p.getValue(), scratch)));
                }
            }
            expected.putAll(InputGradients.of(plan, store, blockIndex, batch, SEED));
            for (Map.Entry<String, NDArray> b : store.buffers()) {
                expected.put("state." + names.stateKey(b.getKey()), host(b.getValue()));
            }
            // Evaluation after the training step: the block's evaluation behaviour, with the buffers it moved.
            executor.evaluate(batch, (step, outputs, published) -> {
                if (step.index() == blockIndex) {
                    for (int k = 0; k < outputs.size(); k++) {
                        expected.put("eval." + vars.get(k), host(outputs.get(k)));
                    }
                }
            });
            Map<String, HostArray> draws = draws(plan, graph, outputShapes);
            Files.writeString(folder.resolve("model.py"),
                    new ModelSourceWriter(graph, BlockLibrary.standard()).write(c.name(), "BlockCase", List.of()));
            List<TensorFileWriter.Entry> entries = new ArrayList<>();
            fields.forEach((f, a) -> entries.add(entry("input." + f, a)));
            expected.forEach((k, a) -> entries.add(entry(k, a)));
            draws.forEach((k, a) -> entries.add(entry("draw." + k, a)));
            TensorFileWriter.write(folder.resolve("case.safetensors"), entries);
            ObjectMapper json = new ObjectMapper();
            ObjectNode meta = json.createObjectNode();
            meta.put("name", c.name());
            meta.put("block", graph.node(blockIndex).attribute());
            ArrayNode outputNames = meta.putArray("outputs");
            vars.forEach(outputNames::add);
            json.writeValue(folder.resolve("case.json").toFile(), meta);
        }
    }

    /** Every parameter moved by N(0, 0.2²), so no gradient is trivially equal because a layer starts at zero. */
    static void perturb(ParameterStore store, Random random) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (Map.Entry<String, NDArray> p : store.parameters()) {
                NDArray a = p.getValue();
                float[] noise = new float[Math.toIntExact(a.size())];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (float) (0.2 * random.nextGaussian());
                }
                try (NDManager scratch = store.manager().newSubManager()) {
                    a.addi(scratch.create(noise, a.getShape()));
                }
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    private static Map<String, HostArray> draws(Plan plan, ModelGraph graph, Map<Integer, Shape[]> outputShapes) {
        Map<String, HostArray> out = new LinkedHashMap<>();
        for (Step s : plan.steps()) {
            if (s.op() instanceof RandomDraws random) {
                Shape[] in = new Shape[s.inputs().size()];
                for (int k = 0; k < in.length; k++) {
                    final int port = k;
                    s.inputs().get(k).ifPresent(r -> in[port] = outputShapes.get(r.step())[r.output()]);
                }
                for (int d = 0; d < random.drawNames().size(); d++) {
                    out.put(graph.node(s.index()).attribute() + "." + random.drawNames().get(d),
                            DatasetExport.drawn(random, SEED, 0, s.index(), in, d));
                }
            }
        }
        return out;
    }

    private static Map<Integer, Shape[]> shapesOf(Document doc, Map<String, HostArray> fields) {
        Plan plan = compile(doc);
        Map<Integer, Shape[]> shapes = new LinkedHashMap<>();
        try (ParameterStore store = new ParameterStore(plan.device(), SEED);
                Executor executor = new Executor(plan, store, SEED);
                NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = new LinkedHashMap<>();
            ArrayBatchSource.toArrays(m, new HostBatch(fields)).forEach((k, v) -> {
                if (plan.sourceSteps().stream().anyMatch(s -> s.field().equals(k))) {
                    batch.put(k, v);
                }
            });
            executor.evaluate(batch, (step, outputs, published) -> {
                Shape[] s = new Shape[outputs.size()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = outputs.get(i).getShape();
                }
                shapes.put(step.index(), s);
            });
        }
        return shapes;
    }

    private static Plan compile(Document doc) {
        return Compiler.compile(doc, CATALOG, OpRegistry.standard(), DeviceChoice.parse("cpu"));
    }

    private static String symbolic(Shape s) {
        StringBuilder b = new StringBuilder("[B");
        for (int i = 1; i < s.dimension(); i++) {
            b.append(", ").append(s.get(i));
        }
        return b.append(']').toString();
    }

    private static Object[] flatten(Map<String, Object> params) {
        List<Object> kv = new ArrayList<>();
        params.forEach((k, v) -> {
            kv.add(k);
            kv.add(v);
        });
        return kv.toArray();
    }

    private static HostArray host(NDArray a) {
        long[] shape = a.getShape().getShape();
        return a.getDataType().isInteger()
                ? HostArray.ofLongs(a.toType(DataType.INT64, false).toLongArray(), shape)
                : HostArray.ofFloats(a.toType(DataType.FLOAT32, false).toFloatArray(), shape);
    }

    private static TensorFileWriter.Entry entry(String name, HostArray a) {
        return new TensorFileWriter.Entry(name, a.dtype(), a.shape(), List.of(a));
    }

}
