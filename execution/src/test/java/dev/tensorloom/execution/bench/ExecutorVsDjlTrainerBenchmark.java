package dev.tensorloom.execution.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.train.LearningRateSchedule;
import dev.tensorloom.execution.train.Trainer;
import dev.tensorloom.model.io.ProjectReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of the node-by-node executor against DJL's own {@code ai.djl.training.Trainer} training the
 * same model (the plan's ops wrapped as one DJL block, sharing the parameter arrays) with the same
 * optimizer (Adam, constant rate), batch size and data. Not a unit test: run {@code bench/executor-vs-djl.sh}.
 *
 * <p>Arguments: project file (default: the transformer-reverse template), timed steps (100), warm-up
 * steps (10), rounds (3). Each round times our executor, then DJL, on fresh batches; the best round of
 * each is reported, which is the least disturbed by other load on the machine. With one intra-op thread
 * ({@code OMP_NUM_THREADS=1}) all work runs on the main thread, and the main thread's CPU time per step
 * (also printed, with the DJL/executor ratio) is a measure that other load on the machine barely moves.
 */
public final class ExecutorVsDjlTrainerBenchmark {
    private static final double LEARNING_RATE = 1e-3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ExecutorVsDjlTrainerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0]
                : "model-templates/src/main/resources/dev/tensorloom/templates/transformer-reverse.tlm");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ai.djl.engine.Engine.getInstance(); // loads the native library before the first JNI call
        JniUtils.setGradMode(true);
        try (PreparedRun run = RunSetup.standard().prepare(ProjectReader.read(project).document(),
                RunOptions.PROJECT.withDevice("cpu"));
                Executor executor = new Executor(run.plan(), run.store(), run.training().seed());
                NDManager data = NDManager.newBaseManager(run.plan().device())) {
            int batchSize = run.training().batchSize();
            Trainer ours = new Trainer(executor, "adam", LearningRateSchedule.constant(LEARNING_RATE, 0), 0, 0, 0);
            // The first step creates the parameters, which the DJL block then shares.
            oursSteps(ours, run, data, batchSize, 0, 1);
            PlanAsDjlBlock block = new PlanAsDjlBlock(run.plan(), run.store(), run.training().seed());
            try (Model model = Model.newInstance("plan", run.plan().device());
                    ai.djl.training.Trainer djl = newDjlTrainer(model, block, run.plan().device())) {
                System.out.printf(Locale.ROOT, "%s: %d parameters, batch %d, %d steps after %d warm-up, load %s%n",
                        project.getFileName(), run.store().parameterCount(), batchSize, steps, warmup, load());
                oursSteps(ours, run, data, batchSize, 1, warmup);
                djlSteps(djl, block, run, data, batchSize, warmup);
                double bestOurs = 0;
                double bestDjl = 0;
                double[] cpuRatios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    double a = steps * batchSize / oursSteps(ours, run, data, batchSize, 1 + warmup + r * steps, steps);
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    double b = steps * batchSize / djlSteps(djl, block, run, data, batchSize, steps);
                    long c2 = THREADS.getCurrentThreadCpuTime();
                    cpuRatios[r] = (double) (c2 - c1) / (c1 - c0);
                    System.out.printf(Locale.ROOT, "round %d: executor %.1f examples/s, DJL Trainer %.1f examples/s,"
                            + " ratio %.3f; main-thread CPU per step %.2f ms vs %.2f ms, ratio %.3f (load %s)%n",
                            r + 1, a, b, a / b, (c1 - c0) / 1e6 / steps, (c2 - c1) / 1e6 / steps, cpuRatios[r], load());
                    bestOurs = Math.max(bestOurs, a);
                    bestDjl = Math.max(bestDjl, b);
                }
                Arrays.sort(cpuRatios);
                System.out.printf(Locale.ROOT, "best: executor %.1f examples/s, DJL Trainer %.1f examples/s, ratio %.3f;"
                        + " median main-thread CPU ratio %.3f%n", bestOurs, bestDjl, bestOurs / bestDjl,
                        cpuRatios[rounds / 2]);
            }
        }
    }

    private static ai.djl.training.Trainer newDjlTrainer(Model model, PlanAsDjlBlock block, Device device) {
        model.setBlock(block);
        Loss total = new Loss("plan-loss") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                return predictions.singletonOrThrow();
            }
        };
        DefaultTrainingConfig config = new DefaultTrainingConfig(total)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) LEARNING_RATE)).build())
                .optDevices(new Device[] {device});
        return model.newTrainer(config);
    }

    /** Runs {@code n} training steps of our executor; returns the seconds they took. */
    private static double oursSteps(Trainer trainer, PreparedRun run, NDManager data, int batchSize, long first, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (NDManager m = data.newSubManager()) {
                Map<String, NDArray> batch = run.source().next(m, batchSize);
                trainer.step(batch, first + i, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Runs {@code n} steps of DJL's trainer ({@link EasyTrain#trainBatch} and {@code step}); returns seconds. */
    private static double djlSteps(ai.djl.training.Trainer trainer, PlanAsDjlBlock block, PreparedRun run,
            NDManager data, int batchSize, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            NDManager m = data.newSubManager();
            Map<String, NDArray> fields = run.source().next(m, batchSize);
            NDList inputs = new NDList();
            for (String f : block.fields()) {
                inputs.add(fields.get(f));
            }
            try (Batch batch = new Batch(m, inputs, new NDList(inputs.head()), batchSize, Batchifier.STACK,
                    Batchifier.STACK, i, n)) {
                EasyTrain.trainBatch(trainer, batch);
                trainer.step();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
