package dev.tensorloom.execution.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.Segment;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.TensorType;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.model.validate.ShapeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a PyTorch package for a project: {@code model.py}, {@code weights.safetensors}, {@code train.py}
 * with {@code metrics.py}, the data both engines train on, {@code README.md} and {@code export.json}.
 * Needs no Python: everything is written from the studio's own compiled plan and parameters.
 */
public final class PyTorchPackage {
    static final String SAMPLE = "sample.safetensors";
    private final RunSetup setup;
    private final BlockLibrary library;

    public PyTorchPackage(RunSetup setup) {
        this.setup = setup;
        this.library = BlockLibrary.standard();
    }

    public static PyTorchPackage standard() {
        return new PyTorchPackage(RunSetup.standard());
    }

    /** What an export wrote, for the next steps (ONNX, verification) and the report. */
    public record Written(Path folder, String className, List<String> predictInputs, List<String> predictOutputs,
            int dataSteps, int parameters) {
    }

    public Written write(ExportRequest request, ExportProgress progress) throws IOException {
        ExportFolder.prepare(request.out(), request.force());
        progress.update("compiling the graph", 0.02);
        try (PreparedRun run = setup.prepare(request.document(), request.options());
                PreparedRun dataRun = setup.prepare(request.document(), request.options());
                Executor executor = new Executor(run.plan(), run.store(), run.config().seed());
                NDManager data = NDManager.newBaseManager(run.plan().device())) {
            JniUtils.setGradMode(true);
            Plan plan = run.plan();
            TrainingConfig config = run.training();
            Map<String, NDArray> first = run.source().next(data, config.batchSize());
            Map<Integer, Shape[]> outputShapes = new LinkedHashMap<>();
            executor.evaluate(first, (step, outputs, published) -> outputShapes.put(step.index(), shapes(outputs)));
            if (request.weights() != null) {
                progress.update("loading weights", 0.08);
                PackageWeights.load(run.store(), plan, request.weights());
            }
            Map<Integer, Shape[]> inputShapes = inputShapes(plan, outputShapes);
            ModelGraph graph = ModelGraph.of(plan, library, outputShapes, symbolicShapes(request));
            List<int[]> checkpoints = checkpointRanges(executor, first, config.checkpointPolicy());
            String className = PythonNames.className(request.title());
            Path out = request.out();

            progress.update("writing model.py", 0.15);
            Files.writeString(out.resolve("model.py"),
                    new ModelSourceWriter(graph, library).write(request.title(), className, checkpoints));
            progress.update("writing weights.safetensors", 0.2);
            PackageWeights.write(run.store(), plan, out.resolve(PackageWeights.FILE_NAME));

            progress.update("writing " + config.steps() + " steps of data", 0.25);
            List<String> fields = new ArrayList<>(graph.fieldVariables().keySet());
            DatasetExport.write(out.resolve("data"), ((ArrayBatchSource) dataRun.source()).host(), fields,
                    config.steps(), config.batchSize(), graph, config.seed(), inputShapes);
            progress.update("writing the sample batch", 0.8);
            writeSample(out.resolve("data").resolve(SAMPLE), executor, run, data, graph);

            progress.update("writing train.py", 0.9);
            Files.writeString(out.resolve("train.py"), TrainScript.write(request.title(), className, config,
                    MetricSpecs.of(plan, graph, run.config().metrics())));
            copyResource("metrics.py", out);
            copyResource("studio_link.py", out);
            List<String> outputs = graph.predictOutputs().stream().map(ModelGraph.Output::name).toList();
            List<String> decoding = DetectorDecoders.of(graph).stream().map(d -> "detections = model." + d.method()
                    + "(" + d.logits() + ", " + d.boxes() + ")").toList();
            Files.writeString(out.resolve("README.md"), PackageReadme.write(request.title(), className, config,
                    graph.predictInputs(), outputs, decoding, checkpoints.size()));
            int parameters = (int) run.store().parameterCount();
            Map<String, String> nodes = new LinkedHashMap<>();
            graph.nodes().forEach(n -> nodes.put(n.attribute(), n.step().nodeId()));
            ExportManifest.write(out.resolve("export.json"), request, config, parameters, nodes);
            progress.update("done", 1.0);
            return new Written(out, className, graph.predictInputs(), outputs, config.steps(), parameters);
        }
    }

    private static Shape[] shapes(NDList outputs) {
        Shape[] s = new Shape[outputs.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = outputs.get(i).getShape();
        }
        return s;
    }

    private static Map<Integer, Shape[]> inputShapes(Plan plan, Map<Integer, Shape[]> outputs) {
        Map<Integer, Shape[]> in = new LinkedHashMap<>();
        for (Step s : plan.steps()) {
            Shape[] shapes = new Shape[s.inputs().size()];
            for (int k = 0; k < shapes.length; k++) {
                InputRef r = s.inputs().get(k).orElse(null);
                shapes[k] = r == null || outputs.get(r.step()) == null ? null : outputs.get(r.step())[r.output()];
            }
            in.put(s.index(), shapes);
        }
        return in;
    }

    private static Map<String, Map<String, TensorType>> symbolicShapes(ExportRequest request) {
        ShapeReport report = ShapeInference.run(request.document(), BlockCatalog.standard());
        Map<String, Map<String, TensorType>> out = new LinkedHashMap<>();
        request.document().nodes().forEach(n -> out.put(n.id(), report.outputs(n.id())));
        return out;
    }

    /**
     * The plan-step ranges the project's policy recomputes, as the studio's planner chose them on the run's
     * first batch. Revolve's multi-level schedule has no {@code torch.utils.checkpoint} counterpart; its
     * segments are recomputed once each, which gives the same gradients with a different peak.
     */
    private static List<int[]> checkpointRanges(Executor executor, Map<String, NDArray> batch, String policy) {
        CheckpointPolicy parsed = CheckpointPolicy.parse(policy);
        if (parsed.kind() == CheckpointPolicy.Kind.NONE) {
            return List.of();
        }
        PlannedPolicy schedule = PolicyPlanning.prepare(executor, batch, 0, parsed);
        List<int[]> ranges = new ArrayList<>();
        boolean revolve = schedule.plan().chainSchedule().isPresent();
        List<Segment> segments = schedule.plan().segments();
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            if (s.mode() == Segment.Mode.RECOMPUTED || revolve && k + 1 < segments.size()) {
                int first = schedule.graph().step(s.first());
                int last = schedule.graph().step(s.last());
                ranges.add(new int[] {Math.min(first, last), Math.max(first, last)});
            }
        }
        return ranges;
    }

    /**
     * The inputs of {@code predict} and what the studio's engine computes for them, on the first held-out
     * batch (or the first training batch): what {@code to_onnx.py} traces with, and what ONNX must match.
     */
    private static void writeSample(Path file, Executor executor, PreparedRun run, NDManager data, ModelGraph graph)
            throws IOException {
        List<Map<String, NDArray>> held = run.source().heldOut(data);
        Map<String, NDArray> batch = held.isEmpty() ? run.source().next(data, run.training().batchSize()) : held.get(0);
        Map<String, HostArray> byVariable = new LinkedHashMap<>();
        executor.evaluate(batch, (step, outputs, published) -> {
            List<String> vars = graph.variables(step.index());
            for (int k = 0; k < outputs.size() && k < vars.size(); k++) {
                byVariable.putIfAbsent(vars.get(k), host(outputs.get(k)));
            }
        });
        List<TensorFileWriter.Entry> entries = new ArrayList<>();
        for (String input : graph.predictInputs()) {
            HostArray a = byVariable.get(input);
            entries.add(new TensorFileWriter.Entry("input." + input, a.dtype(), a.shape(), List.of(a)));
        }
        for (ModelGraph.Output o : graph.predictOutputs()) {
            HostArray a = byVariable.get(o.variable());
            entries.add(new TensorFileWriter.Entry("output." + o.name(), a.dtype(), a.shape(), List.of(a)));
        }
        TensorFileWriter.write(file, entries);
    }

    private static HostArray host(NDArray a) {
        long[] shape = a.getShape().getShape();
        if (a.getDataType().isInteger()) {
            return HostArray.ofLongs(a.toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray(), shape);
        }
        return HostArray.ofFloats(a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray(), shape);
    }

    private static void copyResource(String name, Path out) throws IOException {
        try (var in = PyTorchPackage.class.getResourceAsStream("/dev/tensorloom/export/package/" + name)) {
            Files.copy(in, out.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean isEmptyFolder(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static DType dtype(NDArray a) {
        return a.getDataType().isInteger() ? DType.INT64 : DType.FLOAT32;
    }
}
