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
 * steps (10), rounds (3). Speeds are wall-clock examples per second (what a user waits for) on the number of
 * libtorch threads printed with them. Rounds alternate which of the two goes first, on fresh batches; the
 * ratio of each round is printed and the median ratio summarises them, so load that comes and goes on a
 * shared machine hits both sides alike.
 */
public final class ExecutorVsDjlTrainerBenchmark {
    private static final double LEARNING_RATE = 1e-3;

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
                int threads = JniUtils.getNumThreads();
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long first = 1 + warmup + (long) r * steps;
                    double a;
                    double b;
                    if (r % 2 == 0) {
                        a = steps * batchSize / oursSteps(ours, run, data, batchSize, first, steps);
                        b = steps * batchSize / djlSteps(djl, block, run, data, batchSize, steps);
                    } else {
                        b = steps * batchSize / djlSteps(djl, block, run, data, batchSize, steps);
                        a = steps * batchSize / oursSteps(ours, run, data, batchSize, first, steps);
                    }
                    ratios[r] = a / b;
                    System.out.printf(Locale.ROOT, "round %d (%s first): executor %.1f examples/s, DJL Trainer %.1f "
                            + "examples/s (wall clock, %d libtorch threads), ratio %.3f (load %s)%n", r + 1,
                            r % 2 == 0 ? "executor" : "DJL", a, b, threads, ratios[r], load());
                }
                Arrays.sort(ratios);
                System.out.printf(Locale.ROOT, "median executor/DJL ratio of wall-clock examples/s over %d alternating "
                        + "rounds, %d libtorch threads: %.3f%n", rounds, threads, ratios[rounds / 2]);
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
