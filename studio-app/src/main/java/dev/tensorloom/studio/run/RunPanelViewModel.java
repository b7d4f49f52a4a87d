package dev.tensorloom.studio.run;

import dev.tensorloom.execution.resume.RunIdentity;
import dev.tensorloom.execution.session.ActivationSnapshot;
import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.TrainingState;
import dev.tensorloom.execution.exec.ExecutorAction;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.studio.files.DocumentContents;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run panel's state: the training settings ({@link RunSettingsViewModel}), the start/pause/resume/stop
 * state machine (Resume also continues a stopped run from its last step, exactly), progress with ETA, the
 * live chart series ({@link RunCharts}), the log and the divergence warning. Training events arrive on the
 * training thread and reach these properties through an {@link UpdateThrottle}, in order, in batches.
 */
public final class RunPanelViewModel {
    static final int CHART_POINTS = 300;
    static final int LOG_LINES = 500;
    /** Weight of the newest step in the smoothed step time behind the ETA. */
    private static final double ETA_SMOOTHING = 0.1;

    private final Document document;
    private final TaskExecutor tasks;
    private final Consumer<Object> events;
    private final RunListener observers;
    private Supplier<SnapshotPolicy> snapshots = () -> SnapshotPolicy.NONE;
    private Supplier<Path> projectFolder = () -> null;
    private LauncherChoice launcherChoice;

    private final RunSettingsViewModel settings;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("Not started");
    private final ReadOnlyStringWrapper metricName = new ReadOnlyStringWrapper("Held-out metric");
    private final ReadOnlyStringWrapper evaluationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper throughputTitle = new ReadOnlyStringWrapper(THROUGHPUT + " (wall clock)");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failedNode = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TrainedWeights> trainedWeights = new ReadOnlyObjectWrapper<>();
    private final RunCharts charts = new RunCharts(CHART_POINTS);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);

    private static final String THROUGHPUT = "Examples / s";

    private RunLauncher.RunHandle handle;
    private int totalSteps;
    private double secondsPerStep = Double.NaN;
    /** Counts runs, so events of an earlier run that arrive late are ignored. */
    private int generation;
    /** A stopped run that Resume continues: its last step's state and what it trained (project and settings). */
    private TrainingState stoppedState;
    private RunIdentity stoppedIdentity;
    private RunLauncher stoppedLauncher;
    private RunIdentity runIdentity;
    private RunLauncher runLauncher;
    /** The batch size the running copy trains with (the project may have been edited since). */
    private int runBatch;
    /** Counts edits that change what weights the graph has (not moves, not training settings). */
    private long graphRevision;

    /**
     * @param observers hears the activation, gradient and schedule events of every run (the activation
     *                  view), on the training thread
     */
    public RunPanelViewModel(Document document, UndoStack undoStack, RunLauncher launcher, TaskExecutor tasks,
            UpdateThrottle throttle, RunListener observers) {
        this.document = Objects.requireNonNull(document);
        this.tasks = Objects.requireNonNull(tasks);
        this.observers = Objects.requireNonNull(observers);
        this.events = throttle.publisher(this::apply);
        this.launcherChoice = LauncherChoice.always(Objects.requireNonNull(launcher));
        this.settings = new RunSettingsViewModel(document, Objects.requireNonNull(undoStack));
        document.addListener(change -> {
            if (TrainedWeights.outdatedBy(change)) {
                graphRevision++;
                trainedWeights.set(null); // another graph: those weights no longer fit it
            }
        });
    }

    /** Picks the engine of each run when it starts (the Run tab's engine picker); by default the constructor's launcher. */
    public void setLauncherChoice(LauncherChoice choice) {
        launcherChoice = Objects.requireNonNull(choice);
    }

    /** Where the project file lives (null when untitled): relative user-data paths start there. */
    public void setProjectFolder(Supplier<Path> folder) {
        projectFolder = folder;
    }

    /** Which activations the next run copies out (the activation view's watched node). */
    public void setSnapshotPolicy(Supplier<SnapshotPolicy> policy) {
        snapshots = Objects.requireNonNull(policy);
    }

    // ---- run control --------------------------------------------------------------------------

    /** Prepares the run off the UI thread, then starts it. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        clearRun();
        forgetStoppedRun();
        int run = ++generation;
        setState(RunState.PREPARING);
        log("Preparing (" + launcherChoice.describe() + "): " + describe(document.config()));
        Document copy = DocumentContents.copy(document);
        launcherChoice.choose(chosen -> {
            if (run == generation && state.get() == RunState.PREPARING) {
                launch(run, chosen, copy, null);
            }
        }, reason -> {
            if (run == generation && state.get() == RunState.PREPARING) {
                failed(new RunFailure(reason, null, 0, null));
            }
        });
    }

    /**
     * Prepares and starts run number {@code run} of {@code copy} off the UI thread: a new one, or with
     * {@code from} the continuation of the stopped run (then the charts and log go on where they were).
     */
    private void launch(int run, RunLauncher launcher, Document copy, TrainingState from) {
        runLauncher = launcher;
        runIdentity = RunIdentity.of(copy, copy.config());
        SnapshotPolicy watched = snapshots.get();
        Path dataFolder = projectFolder.get();
        RunListener listener = listenerFor(run);
        BackgroundTask.wrap(() -> from == null ? launcher.prepare(copy, dataFolder, watched, listener)
                : launcher.resume(copy, dataFolder, watched, listener, from)).onSuccess(h -> {
            if (run != generation || state.get() != RunState.PREPARING) {
                h.release();
                return;
            }
            handle = h;
            totalSteps = h.totalSteps();
            setState(RunState.RUNNING);
            log(from == null ? "Started " + totalSteps + " steps"
                    : "Resumed at step " + from.step() + " of " + totalSteps);
            h.start();
        }).onFailure(e -> {
            if (run == generation) {
                failed(new RunFailure(String.valueOf(e.getMessage()), nodeOf(e), 0, e));
            }
        }).executeWith(tasks);
    }

    public void pause() {
        if (canPause.get()) {
            handle.pause();
            setState(RunState.PAUSED);
            log("Paused");
        }
    }

    /** Ends a pause; or continues a stopped run from its last finished step, exactly where it stopped. */
    public void resume() {
        if (!canResume.get()) {
            return;
        }
        if (state.get() == RunState.PAUSED) {
            handle.resume();
            setState(RunState.RUNNING);
            log("Resumed");
            return;
        }
        List<String> changed = stoppedIdentity.differences(RunIdentity.of(document, document.config()));
        if (!changed.isEmpty()) {
            failure.set("Cannot resume: the project changed since the run stopped (" + String.join("; ", changed)
                    + "). Start a new run, or undo the changes.");
            return;
        }
        failure.set("");
        int run = ++generation;
        setState(RunState.PREPARING);
        // The engine that trained the stopped run continues it, whatever the picker says now.
        launch(run, stoppedLauncher, DocumentContents.copy(document), stoppedState);
    }

    /** Asks the run to stop after its current step (also ends a pause). */
    public void stop() {
        if (!canStop.get()) {
            return;
        }
        if (handle == null) {
            // Still preparing: the prepared run is released unstarted when it arrives.
            setState(RunState.STOPPED);
            log("Stopped before the first step");
            return;
        }
        handle.stop();
        setState(RunState.STOPPING);
        log("Stopping after the current step");
    }

    /** Clears the failure banner. */
    public void dismissFailure() {
        failure.set("");
    }

    /** Clears the divergence warning. */
    public void dismissWarning() {
        warning.set("");
    }

    private RunListener listenerFor(int run) {
        return new RunListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                events.accept(new Tagged(run, metrics));
            }

            @Override
            public void onEvaluation(EvalMetrics metrics) {
                events.accept(new Tagged(run, metrics));
            }

            @Override
            public void onFinished(RunSummary summary) {
                events.accept(new Tagged(run, summary));
            }

            @Override
            public void onFailed(RunFailure f) {
                events.accept(new Tagged(run, f));
            }

            @Override
            public void onDivergence(Divergence d) {
                events.accept(new Tagged(run, d));
            }

            @Override
            public void onActivation(ActivationSnapshot snapshot) {
                observers.onActivation(snapshot);
            }

            @Override
            public void onGradientNorms(long step, Map<String, Double> norms) {
                observers.onGradientNorms(step, norms);
            }

            @Override
            public void onExecutorAction(ExecutorAction action) {
                observers.onExecutorAction(action);
            }
        };
    }

    /** An event of run number {@code run}. */
    private record Tagged(int run, Object event) {
    }

    /** One batch of events on the UI thread: the series are published once per batch, not per step. */
    private void apply(List<Object> batch) {
        boolean charts = false;
        for (Object o : batch) {
            Tagged t = (Tagged) o;
            if (t.run() != generation) {
                continue;
            }
            if (t.event() instanceof StepMetrics m) {
                step(m);
                charts = true;
            } else if (t.event() instanceof EvalMetrics m) {
                evaluation(m);
                charts = true;
            } else if (t.event() instanceof RunSummary s) {
                finished(s);
            } else if (t.event() instanceof RunFailure f) {
                failed(f);
            } else if (t.event() instanceof Divergence d) {
                String line = d.describe();
                warning.set(Character.toUpperCase(line.charAt(0)) + line.substring(1)
                        + ". A lower learning rate usually helps.");
                log("Warning: " + d.describe());
            }
        }
        if (charts) {
            this.charts.publish();
        }
    }

    private void step(StepMetrics m) {
        throughputTitle.set(THROUGHPUT + " (" + m.speedBasis() + ")");
        charts.step(m);
        // The session reports examples per second of the batch the running copy trains with.
        double seconds = m.examplesPerSecond() > 0 ? runBatch / m.examplesPerSecond() : Double.NaN;
        if (Double.isFinite(seconds)) {
            secondsPerStep = Double.isNaN(secondsPerStep) ? seconds
                    : (1 - ETA_SMOOTHING) * secondsPerStep + ETA_SMOOTHING * seconds;
        }
        progress.set(totalSteps == 0 ? 0 : (double) m.step() / totalSteps);
        long remaining = Math.max(0, totalSteps - m.step());
        progressText.set(String.format("Step %d / %d · loss %.4g · ETA %s", m.step(), totalSteps, m.loss(),
                Double.isNaN(secondsPerStep) ? "…" : duration(remaining * secondsPerStep)));
    }

    private void evaluation(EvalMetrics m) {
        String name = m.headline();
        metricName.set(readable(name));
        Double value = m.values().get(name);
        if (value != null) {
            charts.metric(m.step(), value);
        }
        evaluationText.set(EvaluationWords.headline(m));
        log(String.format("Evaluation after step %d%s: %s", m.step(),
                m.examples() > 0 ? String.format(" on %,d held-out examples", m.examples()) : "", format(m.values())));
    }

    private void finished(RunSummary s) {
        if (s.stopped() && handle != null && handle.finalState() != null) {
            stoppedState = handle.finalState();
            stoppedIdentity = runIdentity;
            stoppedLauncher = runLauncher;
        }
        setState(s.stopped() ? RunState.STOPPED : RunState.FINISHED);
        if (!s.stopped()) {
            progress.set(1);
        }
        log(String.format("%s after %d steps in %s%s", s.stopped() ? "Stopped" : "Finished", s.steps(),
                duration(s.elapsedMillis() / 1000.0), stoppedState != null ? "; Resume continues from here" : ""));
        if (handle != null) {
            int run = generation;
            long graphAt = graphRevision;
            handle.release(weights -> tasks.ui(() -> {
                // Only while this is still the newest run and the graph it trained is still the project's.
                if (run == generation && graphAt == graphRevision) {
                    trainedWeights.set(weights);
                }
            }));
            handle = null;
        }
    }

    private void forgetStoppedRun() {
        stoppedState = null;
        stoppedIdentity = null;
        stoppedLauncher = null;
    }

    private void failed(RunFailure f) {
        forgetStoppedRun();
        setState(RunState.FAILED);
        String where = f.nodeId() == null ? "" : " at node " + f.nodeId();
        failure.set("Training failed" + (f.step() > 0 ? " in step " + f.step() : "") + where + ": " + f.message());
        failedNode.set(f.nodeId());
        log(failure.get());
        releaseHandle();
    }

    private void releaseHandle() {
        if (handle != null) {
            handle.release();
            handle = null;
        }
    }

    private void clearRun() {
        charts.clear();
        warning.set("");
        progress.set(0);
        progressText.set("Preparing…");
        failure.set("");
        failedNode.set(null);
        evaluationText.set("");
        secondsPerStep = Double.NaN;
        runBatch = document.config().batchSize();
    }

    private void setState(RunState s) {
        state.set(s);
        canStart.set(!s.active());
        canPause.set(s == RunState.RUNNING);
        canResume.set(s == RunState.PAUSED || s == RunState.STOPPED && stoppedState != null);
        canStop.set(s == RunState.RUNNING || s == RunState.PAUSED || s == RunState.PREPARING);
    }

    private void log(String line) {
        log.add(line);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }

    private static String nodeOf(Throwable e) {
        try {
            var m = e.getClass().getMethod("nodeId");
            Object id = m.invoke(e);
            return id instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            return null;
        }
    }

    static String describe(TrainingConfig c) {
        return String.format("%s, %s lr %.3g (%s), batch %d, %d steps, seed %d, %s, checkpoint %s",
                c.dataset().isBlank() ? "no dataset" : c.dataset(), c.optimizer(), c.learningRate(), c.schedule(),
                c.batchSize(), c.steps(), c.seed(), c.device(), c.checkpointPolicy());
    }

    private static String format(Map<String, Double> values) {
        StringBuilder b = new StringBuilder();
        values.keySet().forEach(k -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format("%.4g", values.get(k))));
        return b.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The project's training settings as the form edits them. */
    public RunSettingsViewModel settings() {
        return settings;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /**
     * The last evaluation's headline metric in words: value, 95% interval and how many held-out examples it
     * rests on; empty before the first evaluation.
     */
    public ReadOnlyStringProperty evaluationTextProperty() {
        return evaluationText.getReadOnlyProperty();
    }

    /** Title of the speed chart: what the speed is measured by (wall clock, and on how many threads). */
    public ReadOnlyStringProperty throughputTitleProperty() {
        return throughputTitle.getReadOnlyProperty();
    }

    /** Name of the charted evaluation metric (for example {@code token_accuracy}). */
    public ReadOnlyStringProperty metricNameProperty() {
        return metricName.getReadOnlyProperty();
    }

    /** The failure banner's text; empty when there is none. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The node the last failure names, or null; the window selects it on the canvas. */
    public ReadOnlyStringProperty failedNodeProperty() {
        return failedNode.getReadOnlyProperty();
    }

    /** The divergence warning's text; empty when the loss has not run away. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /**
     * The weights the last finished or stopped run trained, once saved; null before, and again once the graph
     * changed so that they no longer fit it. File → Export… offers them.
     */
    public ReadOnlyObjectProperty<TrainedWeights> trainedWeightsProperty() {
        return trainedWeights.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> lossPointsProperty() {
        return charts.loss();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> metricPointsProperty() {
        return charts.metric();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> learningRatePointsProperty() {
        return charts.learningRate();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> throughputPointsProperty() {
        return charts.throughput();
    }

    /** Newest last, at most {@value #LOG_LINES} lines. */
    public ObservableList<String> log() {
        return logView;
    }

    /** {@code token_accuracy} → {@code Token accuracy}, {@code map50} stays as named by the metric. */
    static String readable(String metric) {
        String spaced = metric.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
