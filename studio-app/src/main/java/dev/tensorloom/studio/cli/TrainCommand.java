package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.export.PackageWeights;
import dev.tensorloom.execution.report.RunEnding;
import dev.tensorloom.execution.report.RunFacts;
import dev.tensorloom.execution.report.RunRecord;
import dev.tensorloom.execution.resume.RunIdentity;
import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.InvalidInputException;
import dev.tensorloom.model.io.OutputPaths;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.validate.InvalidGraphException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tensorloom train}: trains a project or template headless, with a progress bar and a metrics file.
 * Every output path is checked before training starts; however the run ends (finished, Ctrl+C or SIGTERM,
 * a NaN, a divergence) what it trained is written out, and {@code --resume} continues a saved run exactly.
 */
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
            description = "Save the weights into this folder: weights.safetensors (PyTorch state_dict names); with"
                    + " --engine djl also params.bin and the training state (training-state.bin) that --resume continues.")
    Path saveDir;

    @Option(names = "--save-every", paramLabel = "N",
            description = "Also save every N steps (atomically), so a crash loses at most N steps.")
    Integer saveEvery;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run saved in DIR exactly where it stopped (saves go on into DIR unless --save says otherwise).")
    Path resumeDir;

    @Option(names = "--mkdirs", description = "Create missing folders above the output paths (otherwise that is an error).")
    boolean mkdirs;

    @Option(names = "--stop-on-divergence",
            description = "Stop (and save) when the loss rises above 100x its best, instead of only warning.")
    boolean stopOnDivergence;

    @Option(names = "--weights", paramLabel = "DIR",
            description = "Start from these weights (a folder from --save, an export, or an exported train.py --save).")
    Path weightsDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean torch = checkEngine();
        Path save = saveDir != null ? saveDir : resumeDir;
        // Before any work, whichever engine trains: a typo in an output path must not cost the run.
        checkOutputs(save);
        ResumeOption resume = resumeDir == null ? null : ResumeOption.load(resumeDir);
        Project project = source.load();
        ProjectChecks.requireValid(project, source.displayName());
        RunOptions options = options(resume);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (torch) {
            List<String> passed = torchrunArgs == null || torchrunArgs.isBlank() ? List.of()
                    : List.of(torchrunArgs.trim().split("\\s+"));
            return TorchTraining.run(source, project, options, new TorchTraining.Settings(device, nproc, passed, python,
                    metricsOut, saveDir, weightsDir), out, err);
        }
        if (device != null && device.toLowerCase(Locale.ROOT).startsWith("cuda")) {
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
            RunIdentity identity = RunIdentity.of(project.document(), run.training());
            RunRecord record = new RunRecord();
            if (resume != null) {
                resume.requireSameRun(identity, run.training().steps());
                record = new RunRecord(resume.saved().history());
            }
            String deviceName = run.plan().device().toString();
            // Parameters are created on the first forward pass; the count is taken when the metrics are written.
            RunFacts facts = new RunFacts(source.displayName(), deviceName, run.config().batchSize(),
                    run.training().checkpointPolicy(), run.config().seed(), TorchThreadCount.intraOp(),
                    run.config().steps(), 0);
            RunOutputs outputs = new RunOutputs(metricsOut, save, facts, identity, run.plan(), err);
            ProgressLine progress = new ProgressLine(err, run.config().steps(), System.console() != null,
                    record.steps());
            TrainingSession session = run.session(new Listeners(record, progress, err));
            if (resume != null) {
                session.resumeFrom(resume.saved().state());
                err.println("resuming " + source.displayName() + " at step " + record.steps() + " of "
                        + run.config().steps());
            }
            if (save != null) {
                session.keepFinalState();
            }
            if (stopOnDivergence) {
                session.stopOnDivergence();
            }
            RunRecord recorded = record;
            if (saveEvery != null) {
                session.saveEvery(saveEvery, state -> {
                    try {
                        outputs.periodic(state, run.store(), recorded);
                    } catch (java.io.IOException e) {
                        err.println("tensorloom: periodic save at step " + state.step() + " failed (" + e.getMessage()
                                + "); training goes on, the next save tries again");
                    }
                });
            }
            try (InterruptHook interrupt = new InterruptHook(session, err)) {
                session.start();
                while (!session.awaitTermination(1, TimeUnit.SECONDS)) {
                    Thread.onSpinWait();
                }
                RunEnding ending = ending(record, interrupt.fired());
                boolean written = outputs.finish(ending, record, session.summary(), session.finalState(), run.store());
                interrupt.outputsWritten();
                return report(record, session.summary(), ending, facts, written, out, err);
            }
        }
    }

    /**
     * Checks the engine and the options that belong to one engine only.
     *
     * @return true for the PyTorch engine
     */
    private boolean checkEngine() {
        String chosen = engine.toLowerCase(Locale.ROOT);
        if (chosen.equals("pytorch")) {
            // train.py keeps no resumable state and watches no divergence; saying so beats ignoring the option.
            if (resumeDir != null || saveEvery != null || stopOnDivergence) {
                throw new IllegalArgumentException("--resume, --save-every and --stop-on-divergence need --engine djl");
            }
            return true;
        }
        if (!chosen.equals("djl")) {
            throw new IllegalArgumentException("--engine must be djl or pytorch, got '" + engine + "'");
        }
        if (nproc != 1 || torchrunArgs != null) {
            throw new IllegalArgumentException("--nproc and --torchrun-args need --engine pytorch");
        }
        if (weightsDir != null && resumeDir != null) {
            throw new IllegalArgumentException("--weights and --resume cannot be combined: a resumed run continues"
                    + " from its own saved weights");
        }
        return false;
    }

    private void checkOutputs(Path save) {
        if (metricsOut != null) {
            OutputPaths.checkFile(metricsOut, "--metrics-out", mkdirs);
        }
        if (save != null) {
            OutputPaths.checkFolder(save, saveDir != null ? "--save" : "--resume", mkdirs);
        }
        if (saveEvery != null && saveEvery < 1) {
            throw new IllegalArgumentException("--save-every must be at least 1, got " + saveEvery);
        }
        if (saveEvery != null && save == null) {
            throw new IllegalArgumentException("--save-every needs --save DIR (or --resume DIR) to save into");
        }
    }

    /** The command line's overrides; a resumed run takes its steps and batch size from the saved run unless given. */
    private RunOptions options(ResumeOption resume) {
        RunOptions options = RunOptions.PROJECT.withDataFolder(source.folder());
        Integer n = steps != null ? steps : resume != null ? resume.savedSteps() : null;
        Integer b = batch != null ? batch : resume != null ? resume.savedBatchSize() : null;
        if (n != null) {
            options = options.withSteps(n);
        }
        if (b != null) {
            options = options.withBatchSize(b);
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
        return options;
    }

    private RunEnding ending(RunRecord record, boolean signalled) {
        RunFailure failure = record.failure();
        if (failure != null) {
            return RunEnding.interrupted(failure.nonFinite() ? "non-finite" : "error", failureLine(failure));
        }
        RunSummary summary = record.summary();
        if (summary != null && summary.stopped()) {
            if (signalled) {
                return RunEnding.interrupted("signal", "stopped by Ctrl+C or SIGTERM");
            }
            if (record.divergence() != null) {
                return RunEnding.interrupted("divergence", record.divergence().describe());
            }
            return RunEnding.interrupted("stopped", null);
        }
        return RunEnding.FINISHED;
    }

    private int report(RunRecord record, RunSummary summary, RunEnding ending, RunFacts facts, boolean written,
            PrintWriter out, PrintWriter err) {
        RunFailure failure = record.failure();
        if (failure != null) {
            err.println(failureLine(failure));
            boolean usersModel = failure.nodeId() != null || failure.cause() instanceof IllegalArgumentException
                    || failure.cause() instanceof dev.tensorloom.model.UserError;
            return usersModel ? TensorloomCli.BAD_INPUT : TensorloomCli.INTERNAL_ERROR;
        }
        if (ending.interrupted()) {
            err.printf("%s: %s after step %d of %d%n", source.displayName(),
                    "divergence".equals(ending.reason()) ? "stopped on divergence" : "interrupted", record.steps(),
                    facts.stepsPlanned());
            // The JVM's own exit status (130, 143) wins for a signal; a divergence stop is the settings' fault.
            return "divergence".equals(ending.reason()) ? TensorloomCli.BAD_INPUT : TensorloomCli.INTERNAL_ERROR;
        }
        out.printf("trained %s for %d steps on %s in %.1f s (wall clock, %s); final loss %.5f%n",
                source.displayName(), summary.steps(), facts.device(), summary.elapsedMillis() / 1000.0,
                TorchThreadCount.describe(), record.lastLoss());
        EvaluationText.print(out, record.lastEvaluation());
        return written ? TensorloomCli.OK : TensorloomCli.INTERNAL_ERROR;
    }

    private String failureLine(RunFailure failure) {
        return source.displayName() + ": training failed at step " + failure.step()
                + (failure.nodeId() == null ? "" : " in node '" + failure.nodeId() + "'") + ": " + failure.message();
    }

    /** The record, the progress bar and the divergence warning, on the training thread. */
    private static final class Listeners implements RunListener {
        private final RunRecord record;
        private final ProgressLine progress;
        private final PrintWriter err;

        Listeners(RunRecord record, ProgressLine progress, PrintWriter err) {
            this.record = record;
            this.progress = progress;
            this.err = err;
        }

        @Override
        public void onStep(StepMetrics m) {
            record.onStep(m);
            progress.update(m);
        }

        @Override
        public void onEvaluation(dev.tensorloom.execution.session.EvalMetrics m) {
            record.onEvaluation(m);
        }

        @Override
        public void onDivergence(Divergence d) {
            record.onDivergence(d);
            progress.interject("warning: " + d.describe());
        }

        @Override
        public void onFailed(RunFailure f) {
            record.onFailed(f);
        }

        @Override
        public void onFinished(RunSummary s) {
            record.onFinished(s);
        }
    }
}
