package dev.tensorloom.studio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.export.PackageWeights;
import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.InvalidInputException;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.validate.InvalidGraphException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tensorloom train}: trains a project or template headless, with a progress bar and a metrics file. */
@Command(name = "train", description = "Train a project or template on DJL, node by node.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ProjectSource source;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps (default: the project's).")
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: the project's).")
    Integer batch;

    @Option(names = "--checkpoint", paramLabel = "POLICY",
            description = CheckpointPolicy.HELP + " (default: the project's).")
    String checkpoint;

    @Option(names = "--device", paramLabel = "cpu|cuda|auto",
            description = "Where to train (default: the project's); gpu is another name for cuda.")
    String device;

    @Option(names = "--engine", paramLabel = "djl|pytorch", defaultValue = "djl",
            description = "djl: the studio's node-by-node engine (default); pytorch: the exported package's train.py "
                    + "in a child process (GPU, several processes).")
    String engine;

    @Option(names = "--nproc", paramLabel = "N", defaultValue = "1",
            description = "With --engine pytorch: processes (torchrun, DistributedDataParallel); the batch is split "
                    + "across them, so N processes train like one.")
    int nproc;

    @Option(names = "--torchrun-args", paramLabel = "\"ARGS\"",
            description = "With --engine pytorch: options passed to torchrun as given, e.g. \"--nnodes 2 "
                    + "--rdzv-endpoint host:29400\".")
    String torchrunArgs;

    @Option(names = "--python", paramLabel = "PATH",
            description = "With --engine pytorch: the Python to use (default: TENSORLOOM_PYTHON, the managed "
                    + "environment, then python3 on the PATH).")
    Path python;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for initial weights, training batches and held-out examples (default: the project's).")
    Long seed;

    @Option(names = "--metrics-out", paramLabel = "FILE.json", description = "Write the loss curve and metrics here.")
    Path metricsOut;

    @Option(names = "--save", paramLabel = "DIR",
            description = "Save the trained weights into this folder (weights.safetensors, PyTorch state_dict names).")
    Path saveDir;

    @Option(names = "--weights", paramLabel = "DIR",
            description = "Start from these weights (a folder from --save, an export, or an exported train.py --save).")
    Path weightsDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project = source.load();
        RunOptions options = RunOptions.PROJECT.withDataFolder(source.folder());
        if (steps != null) {
            options = options.withSteps(steps);
        }
        if (batch != null) {
            options = options.withBatchSize(batch);
        }
        if (device != null) {
            options = options.withDevice(device);
        }
        if (checkpoint != null) {
            options = options.withCheckpointPolicy(checkpoint);
        }
        if (seed != null) {
            options = options.withSeed(seed);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String chosen = engine.toLowerCase(java.util.Locale.ROOT);
        if (chosen.equals("pytorch")) {
            List<String> passed = torchrunArgs == null || torchrunArgs.isBlank() ? List.of()
                    : List.of(torchrunArgs.trim().split("\\s+"));
            return TorchTraining.run(source, project, options, new TorchTraining.Settings(device, nproc, passed, python,
                    metricsOut, saveDir, weightsDir), out, err);
        }
        if (!chosen.equals("djl")) {
            throw new IllegalArgumentException("--engine must be djl or pytorch, got '" + engine + "'");
        }
        if (nproc != 1 || torchrunArgs != null) {
            throw new IllegalArgumentException("--nproc and --torchrun-args need --engine pytorch");
        }
        if (device != null && device.toLowerCase(java.util.Locale.ROOT).startsWith("cuda")) {
            options = options.withDevice("gpu");
        }
        PreparedRun prepared;
        try {
            prepared = RunSetup.standard().prepare(project.document(), options);
        } catch (InvalidGraphException e) {
            // Named like validate's line, so both commands say the same of the same file.
            throw new InvalidInputException(e.location(), source.displayName() + ": " + e.getMessage());
        }
        try (PreparedRun run = prepared) {
            if (weightsDir != null) {
                PackageWeights.loadIntoRun(run, weightsDir);
            }
            Recorder recorder = new Recorder(new ProgressLine(err, run.config().steps(), System.console() != null));
            TrainingSession session = run.session(recorder);
            session.start();
            while (!session.awaitTermination(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
            RunFailure failure = recorder.failure.get();
            if (failure != null) {
                err.println(source.displayName() + ": training failed at step " + failure.step()
                        + (failure.nodeId() == null ? "" : " in node '" + failure.nodeId() + "'") + ": "
                        + failure.message());
                boolean usersModel = failure.nodeId() != null || failure.cause() instanceof IllegalArgumentException
                        || failure.cause() instanceof dev.tensorloom.model.UserError;
                return usersModel ? TensorloomCli.BAD_INPUT : TensorloomCli.INTERNAL_ERROR;
            }
            RunSummary summary = session.summary();
            String deviceName = run.plan().device().toString();
            if (saveDir != null) {
                Path saved = saveDir.resolve(PackageWeights.FILE_NAME);
                PackageWeights.write(run.store(), run.plan(), saved);
                err.println("saved weights to " + saved);
            }
            out.printf("trained %s for %d steps on %s in %.1f s (wall clock, %s); final loss %.5f%n",
                    source.displayName(), summary.steps(), deviceName, summary.elapsedMillis() / 1000.0,
                    TorchThreadCount.describe(), summary.losses().isEmpty() ? Double.NaN
                            : summary.losses().get(summary.losses().size() - 1));
            EvaluationText.print(out, recorder.lastEvaluation());
            if (metricsOut != null) {
                writeMetrics(run, summary, recorder, deviceName);
            }
            return TensorloomCli.OK;
        }
    }

    private void writeMetrics(PreparedRun run, RunSummary summary, Recorder recorder, String deviceName)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("project", source.displayName());
        root.put("device", deviceName);
        root.put("steps", summary.steps());
        root.put("batchSize", run.config().batchSize());
        root.put("checkpointPolicy", run.training().checkpointPolicy());
        root.put("seed", run.config().seed());
        root.put("elapsedSeconds", summary.elapsedMillis() / 1000.0);
        // wall clock, not CPU time: what a user waits for, with the threads libtorch computed on
        root.put("examplesPerSecondWallClock", recorder.meanExamplesPerSecond());
        root.put("torchThreads", TorchThreadCount.intraOp());
        root.put("forwardEvaluations", summary.forwardEvaluations());
        root.put("parameters", run.store().parameterCount());
        ArrayNode losses = root.putArray("loss");
        summary.losses().forEach(losses::add);
        ArrayNode lrs = root.putArray("learningRate");
        recorder.learningRates.forEach(lrs::add);
        EvaluationJson.put(root.putObject("finalEvaluation"), recorder.lastEvaluation());
        ArrayNode evals = root.putArray("evaluations");
        for (EvalMetrics e : recorder.evaluations) {
            ObjectNode n = evals.addObject();
            n.put("step", e.step());
            EvaluationJson.put(n, e);
        }
        Path parent = metricsOut.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".metrics", ".tmp");
        Files.writeString(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        Files.move(tmp, metricsOut, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Collects what the session reports, on the training thread. */
    private static final class Recorder implements RunListener {
        final ProgressLine progress;
        final AtomicReference<RunFailure> failure = new AtomicReference<>();
        final List<Double> learningRates = new ArrayList<>();
        final List<EvalMetrics> evaluations = new ArrayList<>();
        private double throughputSum;
        private long throughputCount;

        Recorder(ProgressLine progress) {
            this.progress = progress;
        }

        @Override
        public void onStep(StepMetrics m) {
            learningRates.add(m.learningRate());
            if (m.step() > 1) { // the first step pays for warm-up and initialisation
                throughputSum += m.examplesPerSecond();
                throughputCount++;
            }
            progress.update(m);
        }

        @Override
        public void onEvaluation(EvalMetrics m) {
            evaluations.add(m);
        }

        @Override
        public void onFailed(RunFailure f) {
            failure.set(f);
        }

        EvalMetrics lastEvaluation() {
            return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
        }

        double meanExamplesPerSecond() {
            return throughputCount == 0 ? 0 : throughputSum / throughputCount;
        }
    }
}
