package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DataRandom;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.data.ShapeClassesGenerator;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small CNN trained on real shapes16 images that names the shape class of an image: the judge of a
 * generative model's samples (as Inception is for FID), trained the same way every time (fixed seed,
 * {@value #STEPS} Adam steps of {@value #BATCH}), on the CPU. {@link #realAccuracy()} says how well it
 * names real held-out images, so a reader can tell the judge's errors from the generator's.
 */
public final class ShapeJudge implements AutoCloseable {
    static final int STEPS = 150;
    static final int BATCH = 64;
    /** Real held-out images the judge is checked on. */
    public static final int REAL_IMAGES = 1024;
    private static final long SEED = 5;
    private final int size;
    private final int classes;
    private final Plan plan;
    private final ParameterStore store;
    private final Executor executor;
    private final double realAccuracy;

    private ShapeJudge(int size) {
        this.size = size;
        this.classes = ShapeClassesGenerator.CLASSES.size();
        this.plan = Compiler.compile(document(size, classes), BlockCatalog.standard(), OpRegistry.standard(),
                DeviceChoice.CPU);
        this.store = new ParameterStore(plan.device(), SEED);
        this.executor = new Executor(plan, store, SEED);
        train();
        HostBatch real = new ShapeClassesGenerator(size).generate(new DataRandom(999), REAL_IMAGES);
        this.realAccuracy = accuracy(real.get("image").floats(), real.get("label").longs());
    }

    /** Trains a judge for {@code size}-pixel shapes. */
    public static ShapeJudge train(int size) {
        return new ShapeJudge(size);
    }

    private void train() {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDManager m = NDManager.newBaseManager(plan.device())) {
            Trainer trainer = new Trainer(executor, "adam", LearningRateSchedule.constant(1e-3, 0), 0.9, 0, 0);
            ShapeClassesGenerator real = new ShapeClassesGenerator(size);
            for (int step = 0; step < STEPS; step++) {
                try (NDManager batchManager = m.newSubManager()) {
                    HostBatch b = real.generate(DataRandom.forBatch(SEED, 3, step), BATCH);
                    trainer.step(ArrayBatchSource.toArrays(batchManager, b), step, ActivationSchedule.NONE,
                            ExecutorListener.NONE, ForwardObserver.NONE);
                }
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** The fraction of real held-out images it names rightly. */
    public double realAccuracy() {
        return realAccuracy;
    }

    /** One class per image of {@code images} [n, 1, S, S], values clipped to [−1, 1] as real images are. */
    public long[] classify(float[] images) {
        int plane = size * size;
        int n = images.length / plane;
        float[] clipped = new float[images.length];
        for (int i = 0; i < images.length; i++) {
            clipped[i] = Math.max(-1, Math.min(1, images[i]));
        }
        HostBatch batch = HostBatch.builder().put("image", HostArray.ofFloats(clipped, n, 1, size, size))
                .put("label", HostArray.ofLongs(new long[n], n)).build();
        float[][] logits = new float[1][];
        try (NDManager m = NDManager.newBaseManager(plan.device())) {
            executor.evaluate(ArrayBatchSource.toArrays(m, batch), (Step s, NDList outputs, Map<String, NDArray> p) -> {
                if (s.nodeId().equals("logits")) {
                    logits[0] = outputs.get(0).toFloatArray();
                }
            });
        }
        long[] named = new long[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[0][i * classes + c] > logits[0][i * classes + best]) {
                    best = c;
                }
            }
            named[i] = best;
        }
        return named;
    }

    private double accuracy(float[] images, long[] labels) {
        long[] named = classify(images);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += named[i] == labels[i] ? 1 : 0;
        }
        return right / (double) labels.length;
    }

    @Override
    public void close() {
        executor.close();
        store.close();
    }

    /** conv-relu-pool twice, then a linear layer to the classes, trained with cross-entropy. */
    private static Document document(int size, int classes) {
        Document d = new Document();
        add(d, "image", "input", "field", "image", "shape", "[B, 1, " + size + ", " + size + "]", "dtype", "float32");
        add(d, "label", "input", "field", "label", "shape", "[B]", "dtype", "int64");
        add(d, "conv1", "conv2d", "out_channels", 16L, "kernel", 3L, "padding", 1L);
        add(d, "relu1", "relu");
        add(d, "pool1", "maxpool2d", "kernel", 2L, "stride", 2L);
        add(d, "conv2", "conv2d", "out_channels", 32L, "kernel", 3L, "padding", 1L);
        add(d, "relu2", "relu");
        add(d, "pool2", "maxpool2d", "kernel", 2L, "stride", 2L);
        add(d, "flatten", "flatten");
        add(d, "logits", "linear", "out_features", (long) classes);
        add(d, "loss", "cross_entropy");
        String[] chain = {"image", "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "logits"};
        for (int i = 0; i + 1 < chain.length; i++) {
            connect(d, chain[i], "out", chain[i + 1], "in");
        }
        connect(d, "logits", "out", "loss", "pred");
        connect(d, "label", "out", "loss", "target");
        return d;
    }

    private static void add(Document d, String id, String type, Object... params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            values.put((String) params[i], params[i + 1]);
        }
        d.addNode(new Node(id, type, id, values, new Position(0, 0), null));
    }

    private static void connect(Document d, String from, String fromPort, String to, String toPort) {
        d.addWire(new Wire(d.freshId("w"), new PortRef(from, fromPort), new PortRef(to, toPort)));
    }
}
