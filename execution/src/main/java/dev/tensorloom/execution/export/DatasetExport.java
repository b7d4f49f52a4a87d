package dev.tensorloom.execution.export;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.data.HostBatchSource;
import dev.tensorloom.execution.data.SyntheticDataset;
import dev.tensorloom.execution.exec.NodeSeed;
import dev.tensorloom.execution.op.RandomDraws;
import dev.tensorloom.model.shape.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes the data a run trains on, as the Java generators produce it, so both engines see identical
 * batches: {@code data/train.safetensors} holds each field the model reads as [steps, batch, ...] in
 * training order; {@code data/heldout.safetensors} the held-out batches as {@code <k>.<field>}; and
 * {@code data/draws.safetensors} the random draws that training makes inside the graph (rectified flow's
 * t and noise) as {@code <node>.<name>} [steps, ...], drawn exactly as the executor draws them, and
 * {@code data/heldout_draws.safetensors} those of the evaluation of held-out batch k as {@code <k>.<node>.<name>}.
 */
final class DatasetExport {
    static final String TRAIN = "train.safetensors";
    static final String HELD_OUT = "heldout.safetensors";
    static final String DRAWS = "draws.safetensors";
    static final String HELD_OUT_DRAWS = "heldout_draws.safetensors";

    private DatasetExport() {
    }

    /**
     * @param fresh a source nobody has read from yet (its first batch is the run's first)
     * @param inputShapes each step's concrete input shapes for one batch of {@code batchSize}
     */
    static void write(Path dataDir, HostBatchSource fresh, List<String> fields, int steps, int batchSize,
            ModelGraph graph, long seed, Map<Integer, Shape[]> inputShapes) throws IOException {
        Files.createDirectories(dataDir);
        IntFunction<HostBatch> batches = batchesOf(fresh, steps, batchSize);
        List<TensorFileWriter.Entry> train = new ArrayList<>();
        HostBatch first = batches.apply(0);
        for (String field : fields) {
            HostArray sample = first.get(field);
            train.add(new TensorFileWriter.Entry(field, sample.dtype(),
                    TensorFileWriter.stackedShape(steps, sample.shape()), lazy(steps, k -> batches.apply(k).get(field))));
        }
        TensorFileWriter.write(dataDir.resolve(TRAIN), train);

        List<TensorFileWriter.Entry> heldOut = new ArrayList<>();
        List<HostBatch> held = fresh.heldOut();
        for (int k = 0; k < held.size(); k++) {
            for (String field : fields) {
                HostArray a = held.get(k).get(field);
                heldOut.add(new TensorFileWriter.Entry(k + "." + field, a.dtype(), a.shape(), List.of(a)));
            }
        }
        TensorFileWriter.write(dataDir.resolve(HELD_OUT), heldOut);

        List<TensorFileWriter.Entry> draws = drawEntries(graph, seed, steps, inputShapes);
        if (!draws.isEmpty()) {
            TensorFileWriter.write(dataDir.resolve(DRAWS), draws);
            TensorFileWriter.write(dataDir.resolve(HELD_OUT_DRAWS), heldOutDrawEntries(graph, seed, held, inputShapes));
        }
    }

    /**
     * Batch k of the run. A synthetic dataset makes any batch on demand, so each field streams without
     * holding the data; other sources (user files) are read in order once and kept.
     */
    private static IntFunction<HostBatch> batchesOf(HostBatchSource source, int steps, int batchSize) {
        if (source instanceof SyntheticDataset synthetic) {
            return k -> synthetic.batch(k, batchSize);
        }
        List<HostBatch> all = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            all.add(source.next(batchSize));
        }
        return all::get;
    }

    private static List<TensorFileWriter.Entry> drawEntries(ModelGraph graph, long seed, int steps,
            Map<Integer, Shape[]> inputShapes) {
        List<TensorFileWriter.Entry> entries = new ArrayList<>();
        for (ModelGraph.Node node : graph.nodes()) {
            Step step = node.step();
            if (!(step.op() instanceof RandomDraws random)) {
                continue;
            }
            Shape[] shapes = inputShapes.get(step.index());
            List<String> names = random.drawNames();
            for (int d = 0; d < names.size(); d++) {
                final int which = d;
                HostArray sample = drawn(random, seed, 0, step.index(), shapes, which);
                entries.add(new TensorFileWriter.Entry(node.attribute() + "." + names.get(d), DType.FLOAT32,
                        TensorFileWriter.stackedShape(steps, sample.shape()),
                        lazy(steps, k -> drawn(random, seed, k, step.index(), shapes, which))));
            }
        }
        return entries;
    }

    /**
     * The draws of held-out batch k: an evaluation seeds every node as training step 0 does, so a node draws
     * the same numbers for every held-out batch of a size (the batch is dimension 0 of every input).
     */
    private static List<TensorFileWriter.Entry> heldOutDrawEntries(ModelGraph graph, long seed, List<HostBatch> held,
            Map<Integer, Shape[]> inputShapes) {
        List<TensorFileWriter.Entry> entries = new ArrayList<>();
        for (int k = 0; k < held.size(); k++) {
            long batch = held.get(k).batchSize();
            for (ModelGraph.Node node : graph.nodes()) {
                Step step = node.step();
                if (step.op() instanceof RandomDraws random) {
                    Shape[] shapes = withBatch(inputShapes.get(step.index()), batch);
                    for (int d = 0; d < random.drawNames().size(); d++) {
                        HostArray a = drawn(random, seed, 0, step.index(), shapes, d);
                        entries.add(new TensorFileWriter.Entry(k + "." + node.attribute() + "." + random.drawNames().get(d),
                                DType.FLOAT32, a.shape(), List.of(a)));
                    }
                }
            }
        }
        return entries;
    }

    private static Shape[] withBatch(Shape[] shapes, long batch) {
        Shape[] out = new Shape[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            if (shapes[i] != null) {
                long[] dims = shapes[i].getShape().clone();
                dims[0] = batch;
                out[i] = new Shape(dims);
            }
        }
        return out;
    }

    /** Draw {@code which} of a node in training step {@code k}, seeded as the executor seeds it. */
    static HostArray drawn(RandomDraws op, long seed, int k, int stepIndex, Shape[] shapes, int which) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(NodeSeed.of(seed, k, stepIndex));
            NDList draws = op.draw(m, shapes);
            NDArray a = draws.get(which).toType(DataType.FLOAT32, false);
            return HostArray.ofFloats(a.toFloatArray(), a.getShape().getShape());
        }
    }

    private static Iterable<HostArray> lazy(int count, IntFunction<HostArray> make) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public HostArray next() {
                return make.apply(next++);
            }
        };
    }
}
