package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.export.ExportRequest;
import dev.tensorloom.execution.python.PinnedRequirements;
import dev.tensorloom.execution.python.PythonInfo;
import dev.tensorloom.execution.python.PythonProbe;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.torch.PackageCache;
import dev.tensorloom.execution.torch.PyTorchSession;
import dev.tensorloom.execution.torch.TorchRunRequest;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tensorloom train --engine pytorch}: exports the project (or reuses its cached package), runs
 * {@code train.py} (or {@code torchrun} for several processes) as the studio's PyTorch engine, shows the same
 * progress bar, writes the same metrics file and weights, and gives the same exit codes.
 */
final class TorchTraining {
    private TorchTraining() {
    }

    /** What `train` asked for, as far as the PyTorch engine uses it. */
    record Settings(String device, int processes, List<String> torchrunArgs, Path python, Path metricsOut, Path save,
            Path weights) {
    }

    static int run(ProjectSource source, Project project, RunOptions options, Settings settings, PrintWriter out,
            PrintWriter err) throws Exception {
        Path python = PythonForExport.require(settings.python(), List.of("torch", "safetensors"));
        String device = settings.device() == null ? "auto" : settings.device().toLowerCase(Locale.ROOT);
        if (device.equals("gpu")) {
            device = "cuda";
        }
        checkDevice(python, device, settings.processes());
        // The package is always compiled for the CPU; the device is train.py's choice.
        RunOptions exportOptions = options.withDevice("cpu");
        TrainingConfig config = RunSetup.effectiveConfig(project.document().config(), exportOptions);
        ExportRequest request = new ExportRequest(project.document(), project.name().isBlank() ? source.displayName()
                : project.name(), source.sha256(), exportOptions, settings.weights(), null, true);
        Path folder = PackageCache.standard().packageFor(request, ProjectWriter.toJson(project),
                (phase, fraction) -> err.printf("export: %3.0f%% %s%n", fraction * 100, phase));
        TorchRunRequest runRequest = new TorchRunRequest(folder, python, device, settings.processes(),
                settings.torchrunArgs(), config.steps(), !"none".equals(config.checkpointPolicy()), 0, null,
                settings.metricsOut(), settings.save(), null);
        ProgressLine progress = new ProgressLine(err, config.steps(), System.console() != null);
        AtomicReference<RunFailure> failure = new AtomicReference<>();
        PyTorchSession session = new PyTorchSession(runRequest, new RunListener() {
            @Override
            public void onStep(StepMetrics m) {
                progress.update(m);
            }

            @Override
            public void onFailed(RunFailure f) {
                failure.set(f);
            }
        }, event -> { });
        Thread interrupt = new Thread(session::kill, "pytorch-engine-interrupt");
        Runtime.getRuntime().addShutdownHook(interrupt);
        try {
            session.start();
            while (!session.awaitTermination(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting and the hook ends the child
            }
        }
        RunFailure f = failure.get();
        if (f != null) {
            err.println(source.displayName() + ": training failed at step " + f.step()
                    + (f.nodeId() == null ? "" : " in node '" + f.nodeId() + "'") + ": " + f.message());
            return f.nodeId() != null ? TensorloomCli.BAD_INPUT : TensorloomCli.INTERNAL_ERROR;
        }
        RunSummary summary = session.summary();
        if (settings.save() != null) {
            err.println("saved weights to " + settings.save().resolve("weights.safetensors"));
        }
        out.printf(Locale.ROOT, "trained %s for %d steps with PyTorch on %s (%d process%s) in %.1f s; final loss %.5f%n",
                source.displayName(), summary.steps(), device, settings.processes(), settings.processes() == 1 ? ""
                        : "es", summary.elapsedMillis() / 1000.0,
                summary.losses().isEmpty() ? Double.NaN : summary.losses().get(summary.losses().size() - 1));
        Map<String, Double> eval = new TreeMap<>(summary.lastEvaluation());
        eval.forEach((k, v) -> out.printf(Locale.ROOT, "  held-out %s: %.5f%n", k, v));
        return TensorloomCli.OK;
    }

    /** A CUDA run needs a GPU that this PyTorch sees; processes cannot outnumber the CPUs or GPUs. */
    private static void checkDevice(Path python, String device, int processes) throws Exception {
        if (!device.equals("cpu") && !device.equals("auto") && !device.startsWith("cuda")) {
            throw new IllegalArgumentException("--device must be cpu, cuda (or gpu), cuda:N or auto, got '" + device + "'");
        }
        if (processes < 1) {
            throw new IllegalArgumentException("--nproc must be at least 1, got " + processes);
        }
        boolean wantsCuda = device.startsWith("cuda");
        PythonInfo info = wantsCuda || processes > 1 ? PythonProbe.full(python, PinnedRequirements.bundled()) : null;
        int gpus = info == null || info.torch() == null ? 0 : info.torch().gpus().size();
        if (wantsCuda && gpus == 0) {
            throw new IllegalArgumentException("--device " + device + " asks for a GPU, but PyTorch at " + python
                    + " sees none (torch.cuda.is_available() is false); use --device cpu, or a Python with a CUDA "
                    + "build of torch (--python PATH)");
        }
        int limit = wantsCuda ? gpus : Runtime.getRuntime().availableProcessors();
        if (processes > limit) {
            throw new IllegalArgumentException("--nproc " + processes + " is more than this machine's " + limit + " "
                    + (wantsCuda ? "GPU" : "CPU core") + (limit == 1 ? "" : "s") + "; use --nproc " + limit
                    + " or fewer, or --torchrun-args to spread over machines");
        }
    }
}
