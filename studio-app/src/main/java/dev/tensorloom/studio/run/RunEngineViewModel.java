package dev.tensorloom.studio.run;

import dev.tensorloom.execution.python.PythonInfo;
import dev.tensorloom.studio.python.PythonRequirement;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Run tab's engine picker: DJL in the studio's own process, or PyTorch in a child process on a device
 * torch reports (cpu, or cuda when it sees a GPU) with 1..N processes ({@code torchrun} beyond one). Picking
 * PyTorch finds Python (offering its setup when none fits) and asks torch for its devices off the UI thread.
 * As the run panel's {@link LauncherChoice} it hands each run the launcher of the current choice.
 */
public final class RunEngineViewModel implements LauncherChoice {
    /** The engines a run can train on. */
    public enum Engine {
        DJL("DJL (this machine)"),
        PYTORCH("PyTorch");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Makes the PyTorch engine's launcher for an interpreter, device and process count. */
    @FunctionalInterface
    public interface TorchLaunchers {
        RunLauncher create(Path python, String device, int processes);
    }

    /** Asks an interpreter's torch for its version and GPUs (seconds: it imports torch); called off the UI thread. */
    @FunctionalInterface
    public interface TorchProbe {
        PythonInfo probe(Path python) throws Exception;
    }

    static final String PURPOSE = "Training with PyTorch";
    private final RunLauncher djl;
    private final TorchLaunchers torch;
    private final PythonRequirement python;
    private final TorchProbe probe;
    private final TaskExecutor tasks;
    private final int cores;

    private final ReadOnlyObjectWrapper<Engine> engine = new ReadOnlyObjectWrapper<>(Engine.DJL);
    private final ObservableList<String> devices = FXCollections.observableArrayList("cpu");
    private final ObservableList<String> devicesView = FXCollections.unmodifiableObservableList(devices);
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("cpu");
    private final ReadOnlyIntegerWrapper processes = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper maxProcesses = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper interpreterText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper();
    private Path interpreter;
    private PythonInfo lastInfo;
    private int gpus;

    /** @param cores the machine's CPU cores: at most this many CPU processes */
    public RunEngineViewModel(RunLauncher djl, TorchLaunchers torch, PythonRequirement python, TorchProbe probe,
            TaskExecutor tasks, int cores) {
        this.djl = Objects.requireNonNull(djl);
        this.torch = Objects.requireNonNull(torch);
        this.python = Objects.requireNonNull(python);
        this.probe = Objects.requireNonNull(probe);
        this.tasks = Objects.requireNonNull(tasks);
        this.cores = Math.max(1, cores);
        maxProcesses.set(this.cores);
        describeDjl();
    }

    /** Picks the engine; PyTorch looks for Python and its devices the first time. */
    public void setEngine(Engine e) {
        engine.set(Objects.requireNonNull(e));
        if (e == Engine.DJL) {
            describeDjl();
        } else if (interpreter == null && !probing.get()) {
            findTorch();
        } else if (interpreter != null) {
            describeTorch();
        }
    }

    /** Picks {@code cpu} or {@code cuda} (only what torch reported); the process limit follows. */
    public void setDevice(String d) {
        if (d == null || !devices.contains(d)) {
            return;
        }
        device.set(d);
        maxProcesses.set(limitFor(d));
        setProcesses(processes.get());
    }

    /** Sets the process count, kept within 1 and the device's limit (cores, or GPUs on cuda). */
    public void setProcesses(int n) {
        processes.set(Math.max(1, Math.min(n, maxProcesses.get())));
        if (engine.get() == Engine.PYTORCH && interpreter != null) {
            describeTorch();
        }
    }

    private void findTorch() {
        probing.set(true);
        status.set("Looking for Python with torch…");
        python.require(PURPOSE, found -> BackgroundTask.wrap(() -> probe.probe(found)).onSuccess(info -> {
            probing.set(false);
            interpreter = found;
            interpreterText.set("Python: " + found);
            torchFound(info);
        }).onFailure(e -> {
            probing.set(false);
            status.set("Cannot ask torch at " + found + " for its devices: " + e.getMessage());
        }).executeWith(tasks), reason -> {
            probing.set(false);
            status.set(reason);
        });
    }

    private void torchFound(PythonInfo info) {
        lastInfo = info;
        gpus = info.torch() == null || !info.torch().cudaAvailable() ? 0 : info.torch().gpus().size();
        devices.setAll(gpus > 0 ? List.of("cpu", "cuda") : List.of("cpu"));
        setDevice(gpus > 0 ? "cuda" : "cpu");
        describeTorch();
    }

    private void describeTorch() {
        if (engine.get() != Engine.PYTORCH) {
            return;
        }
        String version = lastInfo == null || lastInfo.torch() == null ? "torch" : "torch " + lastInfo.torch().version();
        String gpu = gpus == 0 ? " sees no CUDA GPU: trains on the CPU"
                : " sees " + gpus + " GPU" + (gpus == 1 ? "" : "s") + " (" + lastInfo.torch().gpus().get(0).name() + ")";
        status.set(version + gpu + ", " + runsAs());
    }

    private String runsAs() {
        return processes.get() == 1 ? "in one Python process."
                : "in " + processes.get() + " processes under torchrun (DistributedDataParallel, the global batch "
                        + "split across them).";
    }

    private void describeDjl() {
        status.set("Trains node by node inside the studio, on the device the Device setting picks.");
    }

    private int limitFor(String d) {
        return d.startsWith("cuda") ? Math.max(1, gpus) : cores;
    }

    @Override
    public void choose(Consumer<RunLauncher> ready, Consumer<String> unavailable) {
        if (engine.get() == Engine.DJL) {
            ready.accept(djl);
            return;
        }
        String d = device.get();
        int n = processes.get();
        python.require(PURPOSE, found -> {
            interpreter = found;
            ready.accept(torch.create(found, d, n));
        }, unavailable);
    }

    @Override
    public String describe() {
        return engine.get() == Engine.DJL ? "DJL" : String.format(Locale.ROOT, "PyTorch on %s, %d process%s",
                device.get(), processes.get(), processes.get() == 1 ? "" : "es");
    }

    public ReadOnlyObjectProperty<Engine> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /** The devices torch reported: {@code cpu}, and {@code cuda} when it sees a GPU. */
    public ObservableList<String> devices() {
        return devicesView;
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty processesProperty() {
        return processes.getReadOnlyProperty();
    }

    /** The most processes the chosen device allows. */
    public ReadOnlyIntegerProperty maxProcessesProperty() {
        return maxProcesses.getReadOnlyProperty();
    }

    /** What the engine is and where it runs, or why PyTorch is not available. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Python: PATH" once the PyTorch engine's interpreter is known, else empty. */
    public ReadOnlyStringProperty interpreterProperty() {
        return interpreterText.getReadOnlyProperty();
    }

    /** True while Python is being found and torch asked for its devices. */
    public ReadOnlyBooleanProperty probingProperty() {
        return probing.getReadOnlyProperty();
    }
}
