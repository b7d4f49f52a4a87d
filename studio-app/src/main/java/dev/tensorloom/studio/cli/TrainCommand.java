package dev.tensorloom.studio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.exec.WeightsFile;
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
import java.util.Map;
import java.util.TreeMap;
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
            description = "none, every-k:K, sqrt, revolve:S or budget:MB (default: the project's).")
    String checkpoint;

    @Option(names = "--device", paramLabel = "cpu|gpu|auto", description = "Where to train (default: the project's).")
    String device;

    @Option(names = "--metrics-out", paramLabel = "FILE.json", description = "Write the loss curve and metrics here.")
    Path metricsOut;

    @Option(names = "--save", paramLabel = "DIR", description = "Save the trained weights into this folder.")
    Path saveDir;

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
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PreparedRun prepared;
        try {
            prepared = RunSetup.standard().prepare(project.document(), options);
        } catch (InvalidGraphException e) {
            // Named like validate's line, so both commands say the same of the same file.
            throw new InvalidInputException(e.location(), source.displayName() + ": " + e.getMessage());
        }
        try (PreparedRun run = prepared) {
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
                Path saved = WeightsFile.save(run.store(), saveDir);
                err.println("saved weights to " + saved);
            }
            Map<String, Double> eval = new TreeMap<>(summary.lastEvaluation());
            out.printf("trained %s for %d steps on %s in %.1f s; final loss %.5f%n", source.displayName(),
                    summary.steps(), deviceName, summary.elapsedMillis() / 1000.0,
                    summary.losses().isEmpty() ? Double.NaN : summary.losses().get(summary.losses().size() - 1));
            eval.forEach((k, v) -> out.printf("  held-out %s: %.5f%n", k, v));
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
        root.put("elapsedSeconds", summary.elapsedMillis() / 1000.0);
        root.put("examplesPerSecond", recorder.meanExamplesPerSecond());
        root.put("forwardEvaluations", summary.forwardEvaluations());
        root.put("parameters", run.store().parameterCount());
        ArrayNode losses = root.putArray("loss");
        summary.losses().forEach(losses::add);
        ArrayNode lrs = root.putArray("learningRate");
        recorder.learningRates.forEach(lrs::add);
        ObjectNode fin = root.putObject("finalEvaluation");
        new TreeMap<>(summary.lastEvaluation()).forEach(fin::put);
        ArrayNode evals = root.putArray("evaluations");
        for (EvalMetrics e : recorder.evaluations) {
            ObjectNode n = evals.addObject();
            n.put("step", e.step());
            new TreeMap<>(e.values()).forEach(n::put);
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

        double meanExamplesPerSecond() {
            return throughputCount == 0 ? 0 : throughputSum / throughputCount;
        }
    }
}
