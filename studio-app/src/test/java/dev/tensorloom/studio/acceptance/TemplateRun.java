package dev.tensorloom.studio.acceptance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.train.LearningRateSchedule;
import dev.tensorloom.execution.train.Trainer;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Trains one project in-process with the project's own optimiser settings, and reads node outputs
 * for chosen inputs afterwards: what the acceptance runners and the short training tests share.
 */
final class TemplateRun implements AutoCloseable {
    private final Plan plan;
    private final ParameterStore store;
    private final Executor executor;
    private final Trainer trainer;
    private final ArrayBatchSource source;
    private final TrainingConfig config;
    private final NDManager data = NDManager.newBaseManager();
    private long step;

    TemplateRun(Document document, int steps) {
        this.config = document.config().withSteps(steps);
        this.plan = Compiler.compile(document, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
        this.store = new ParameterStore(plan.device(), config.seed());
        this.executor = new Executor(plan, store, config.seed());
        LearningRateSchedule schedule = "cosine".equals(config.schedule())
                ? LearningRateSchedule.cosine(config.learningRate(), Math.min(config.warmupSteps(), steps / 5), steps)
                : LearningRateSchedule.constant(config.learningRate(), Math.min(config.warmupSteps(), steps / 5));
        this.trainer = new Trainer(executor, config.optimizer(), schedule, config.momentum(), config.weightDecay(),
                config.gradientClip());
        this.source = new ArrayBatchSource(DatasetRegistry.standard().open(config.dataset(), config.seed()));
    }

    /** The committed template's document. */
    static Document template(String id) {
        try {
            TemplateCatalog catalog = TemplateCatalog.builtIn();
            return ProjectReader.fromJson(catalog.projectJson(id), catalog.sourceName(id)).document();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Plan plan() {
        return plan;
    }

    ParameterStore store() {
        return store;
    }

    TrainingConfig config() {
        return config;
    }

    /** One training step on a fresh batch; returns its loss. */
    double step(int batchSize) {
        try (NDManager m = data.newSubManager()) {
            Map<String, NDArray> batch = source.next(m, batchSize);
            return trainer.step(batch, step++, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE)
                    .outcome().loss();
        }
    }

    /** One training step on the given batch (to check that a model can fit it); returns its loss. */
    double stepOn(HostBatch batch) {
        try (NDManager m = data.newSubManager()) {
            return trainer.step(ArrayBatchSource.toArrays(m, batch), step++, ActivationSchedule.NONE,
                    ExecutorListener.NONE, ForwardObserver.NONE).outcome().loss();
        }
    }

    /** Trains until {@code steps} are done or {@code seconds} have passed; returns the steps done. */
    int train(int steps, int batchSize, double seconds, int reportEvery) {
        long start = System.nanoTime();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < steps; i++) {
            sum += step(batchSize);
            n++;
            if (reportEvery > 0 && (i + 1) % reportEvery == 0) {
                System.out.printf("  step %d loss %.4f (%.0f s)%n", i + 1, sum / n, (System.nanoTime() - start) / 1e9);
                sum = 0;
                n = 0;
            }
            if ((System.nanoTime() - start) / 1e9 > seconds) {
                return i + 1;
            }
        }
        return steps;
    }

    /** Evaluation loss on a host batch (deterministic: random nodes draw the same numbers every call). */
    double evaluate(HostBatch batch) {
        try (NDManager m = data.newSubManager()) {
            return executor.evaluate(ArrayBatchSource.toArrays(m, batch), ForwardObserver.NONE).loss();
        }
    }

    /** The first output of each node in {@code nodes}, copied, for one evaluation pass over {@code batch}. */
    Map<String, float[]> outputs(HostBatch batch, Set<String> nodes) {
        Map<String, float[]> out = new HashMap<>();
        try (NDManager m = data.newSubManager()) {
            executor.evaluate(ArrayBatchSource.toArrays(m, batch), (s, outputs, published) -> {
                if (nodes.contains(s.nodeId())) {
                    out.put(s.nodeId(), outputs.get(0).toFloatArray());
                }
            });
        }
        return out;
    }

    @Override
    public void close() {
        data.close();
        executor.close();
        store.close();
    }

    /** Replaces node {@code lossId} by a node of {@code type} wired as {@code wiring} (port → "node.port"). */
    static void replaceLoss(Document doc, String lossId, String type, Map<String, Object> params,
            Map<String, String> wiring) {
        doc.removeNode(lossId);
        doc.addNode(new Node(lossId, type, lossId, new LinkedHashMap<>(params), new Position(0, 0), null));
        wiring.forEach((port, from) -> connect(doc, from, lossId + "." + port));
    }

    /** Adds a node of {@code type} with id {@code id} wired as {@code wiring} (port → "node.port"). */
    static void addLoss(Document doc, String id, String type, Map<String, String> wiring) {
        doc.addNode(new Node(id, type, id, new LinkedHashMap<>(), new Position(0, 0), null));
        wiring.forEach((port, from) -> connect(doc, from, id + "." + port));
    }

    static void connect(Document doc, String from, String to) {
        doc.addWire(new Wire(doc.freshId("w"), PortRef.parse(from), PortRef.parse(to)));
    }

    /**
     * CPU seconds this process has used so far. On a shared machine wall time says little; CPU time is
     * close to what the same run takes alone on a quiet machine (an upper bound when both cores help).
     */
    static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** Load average over the last minute, for the report. */
    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
