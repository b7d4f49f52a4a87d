package dev.tensorloom.studio.run;

import dev.tensorloom.execution.export.ExportRequest;
import dev.tensorloom.execution.exec.WeightsFile;
import dev.tensorloom.execution.export.PackageWeights;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.ActivationSnapshot;
import dev.tensorloom.execution.session.ActivationStats;
import dev.tensorloom.execution.session.Preview;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.torch.PackageCache;
import dev.tensorloom.execution.torch.PyTorchSession;
import dev.tensorloom.execution.torch.TorchEvent;
import dev.tensorloom.execution.torch.TorchRunRequest;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains with the PyTorch engine: exports the run's copy of the project (or reuses its cached package)
 * and runs the package's {@code train.py} in a child process through {@link PyTorchSession}. The run panel,
 * charts and activation view hear the same {@link RunListener} calls as from the DJL engine; the watched
 * node's activations arrive as snapshots with statistics and a preview.
 */
public final class TorchRunLauncher implements RunLauncher {
    private final Path python;
    private final String device;
    private final int processes;
    private final RunOptions options;
    private final Consumer<TorchEvent.Memory> memory;

    /**
     * @param python    the interpreter (with torch and safetensors), found before a run is launched
     * @param device    {@code cpu}, {@code cuda} or {@code auto}
     * @param processes 1, or more for torchrun with DistributedDataParallel
     */
    public TorchRunLauncher(Path python, String device, int processes, RunOptions options) {
        this(python, device, processes, options, null);
    }

    /** @param memory hears the memory measured in the run's second step (its first when it trains one); null: none */
    public TorchRunLauncher(Path python, String device, int processes, RunOptions options,
            Consumer<TorchEvent.Memory> memory) {
        this.python = python;
        this.device = device;
        this.processes = processes;
        this.options = options;
        this.memory = memory;
    }

    @Override
    public RunHandle prepare(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener) {
        return launch(document, dataFolder, snapshots, listener, null);
    }

    /** {@code train.py --weights}: the package's model starts from the folder's {@code weights.safetensors}. */
    @Override
    public RunHandle prepareFrom(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener,
            Path weights) {
        return launch(document, dataFolder, snapshots, listener, weightsFile(weights));
    }

    private RunHandle launch(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener,
            Path weights) {
        RunOptions runOptions = (dataFolder == null ? options : options.withDataFolder(dataFolder)).withDevice("cpu");
        TrainingConfig config = RunSetup.effectiveConfig(document.config(), runOptions);
        Project project = new Project("studio", document);
        String json = ProjectWriter.toJson(project);
        Path folder;
        try {
            folder = PackageCache.standard().packageFor(new ExportRequest(document, "studio run", Integer.toHexString(
                    json.hashCode()), runOptions, null, null, true), json, (phase, fraction) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("could not export the project for PyTorch: " + e.getMessage(), e);
        }
        String watched = snapshots.nodes().isEmpty() ? null : snapshots.nodes().iterator().next();
        Path saveFolder;
        try {
            saveFolder = TrainedWeightsFolders.next();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a folder for the trained weights: " + e.getMessage(), e);
        }
        // The first step also pays for allocations made once; the second shows a step as every later one is.
        int memoryStep = memory == null ? 0 : Math.min(2, config.steps());
        TorchRunRequest request = new TorchRunRequest(folder, python, device, processes, List.of(), config.steps(),
                !"none".equals(config.checkpointPolicy()), memoryStep, watched, null, saveFolder, weights);
        PyTorchSession session;
        try {
            session = new PyTorchSession(request, listener, event -> {
                if (event instanceof TorchEvent.Activation a) {
                    listener.onActivation(snapshot(a, portName(document, a.node(), a.output())));
                } else if (event instanceof TorchEvent.Memory m && memory != null) {
                    memory.accept(m);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SessionHandle(session, config.steps()) {
            @Override
            public void release() {
                session.kill();
            }

            @Override
            public void release(Consumer<TrainedWeights> saved) {
                session.kill();
                // The listener hears the end after the child exited, so train.py --save has written by now;
                // the check reads the disk, so not on the caller's (UI) thread.
                Thread check = new Thread(() -> {
                    var summary = session.summary();
                    if (summary != null && summary.steps() > 0
                            && Files.isRegularFile(saveFolder.resolve(PackageWeights.FILE_NAME))) {
                        saved.accept(new TrainedWeights(saveFolder, summary.steps(), "PyTorch"));
                    }
                }, "tensorloom-torch-weights");
                check.setDaemon(true);
                check.start();
            }
        };
    }

    /**
     * The safetensors file of a weights folder; train.py reads no other format, so a folder with only the
     * studio's older {@code params.bin} is refused with what to do instead.
     */
    static Path weightsFile(Path folder) {
        Path file = folder.resolve(PackageWeights.FILE_NAME);
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (Files.isRegularFile(folder.resolve(WeightsFile.FILE_NAME))) {
            throw new IllegalArgumentException(folder + " holds " + WeightsFile.FILE_NAME + ", which only the DJL engine "
                    + "reads; start from it on DJL, or save the weights again with a newer tensorloom train --save");
        }
        throw new IllegalArgumentException(folder + " holds no weights (" + PackageWeights.FILE_NAME + " or "
                + WeightsFile.FILE_NAME + ")");
    }

    /** The name of a node's output port (the exported module's attribute is the node id). */
    private static String portName(Document document, String nodeId, int output) {
        return document.node(nodeId).flatMap(n -> BlockCatalog.standard().find(n.type()))
                .filter(t -> output < t.outputs().size()).map(t -> t.outputs().get(output).name())
                .orElse("out");
    }

    /** A PyTorch activation event as the views' snapshot: statistics and the strided preview, no extra pictures. */
    static ActivationSnapshot snapshot(TorchEvent.Activation a, String port) {
        Map<String, Double> s = a.stats();
        ActivationStats stats = new ActivationStats(s.getOrDefault("mean", Double.NaN), s.getOrDefault("std", Double.NaN),
                s.getOrDefault("min", Double.NaN), s.getOrDefault("max", Double.NaN),
                s.getOrDefault("zeroFraction", Double.NaN), s.getOrDefault("nanCount", 0.0).longValue(),
                s.getOrDefault("infCount", 0.0).longValue());
        Preview preview = new Preview(a.shape(), a.rows(), a.cols(), a.values());
        // Events count steps from 1; snapshots, like the DJL engine's, from 0.
        return new ActivationSnapshot(a.step() - 1, a.node(), a.output(), port, stats, preview, List.of());
    }
}
