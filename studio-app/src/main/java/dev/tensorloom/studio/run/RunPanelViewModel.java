package dev.tensorloom.studio.run;

import dev.tensorloom.execution.resume.RunIdentity;
import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.studio.files.DocumentContents;
import dev.tensorloom.studio.ui.CappedLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The run panel's state: the training settings ({@link RunSettingsViewModel}), the start/pause/resume/stop
 * state machine (Resume also continues a stopped run from its last step, exactly, while the project is the
 * one it trained), progress with ETA, the live chart series ({@link RunCharts}), the log and the divergence
 * warning. The {@link RunCoordinator} owns the run itself and hands
 * this its events on the UI thread, in order, in batches; it never sees the training thread.
 */
public final class RunPanelViewModel implements RunCoordinator.Observer {
    static final int CHART_POINTS = 300;
    static final int LOG_LINES = 500;

    private final Document document;
    private final RunSettingsViewModel settings;
    private final RunCoordinator runs;
    private Supplier<SnapshotPolicy> snapshots = () -> SnapshotPolicy.NONE;
    private Supplier<Path> projectFolder = () -> null;
    private Supplier<Optional<Path>> weightsChooser = Optional::empty;

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("Not started");
    private final ReadOnlyStringWrapper metricName = new ReadOnlyStringWrapper("Held-out metric");
    private final ReadOnlyStringWrapper evaluationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failedNode = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final RunCharts charts = new RunCharts(CHART_POINTS);
    private final WeightsOffer weights;
    private final UntrainedEdits untrainedEdits;
    private final CappedLog log = new CappedLog(LOG_LINES);

    private final ProgressText line = new ProgressText();
    /** The step a continued run resumes after, until it starts; -1 for a new run. */
    private long resumedAt = -1;
    /** The batch size and evaluation interval the running copy trains with (the project may have been edited since). */
    private int runBatch;
    private int runEvalEvery;
    /** What the active run trains (project and settings), and what the stopped run that Resume continues trained. */
    private RunIdentity runIdentity;
    private RunIdentity stoppedIdentity;

    /** @param runs owns the runs this panel starts and shows (shared with the activation view) */
    public RunPanelViewModel(Document document, UndoStack undoStack, RunCoordinator runs) {
        this.document = Objects.requireNonNull(document);
        this.settings = new RunSettingsViewModel(document, Objects.requireNonNull(undoStack));
        this.runs = Objects.requireNonNull(runs);
        this.weights = new WeightsOffer(document);
        runs.setObserver(this);
        runs.stateProperty().addListener((o, before, after) -> showState(after));
        this.untrainedEdits = new UntrainedEdits(document, undoStack, state);
    }

    /** Picks the engine of each run when it starts (the Run tab's engine picker); by default the coordinator's launcher. */
    public void setLauncherChoice(LauncherChoice choice) {
        runs.setLauncherChoice(choice);
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

    /** How Start from weights… asks for a weights folder (a folder chooser; scripted in tests). */
    public void setWeightsChooser(Supplier<Optional<Path>> chooser) {
        weightsChooser = Objects.requireNonNull(chooser);
    }

    /** Prepares the run off the UI thread, then starts it. */
    public void start() {
        start(null);
    }

    /**
     * Asks for a weights folder ({@code train.py --save}, {@code tensorloom train --save}, an export), then
     * starts a run from those weights instead of the seed's initial ones; nothing when the user cancels.
     */
    public void startFromWeights() {
        if (canStart.get()) {
            weightsChooser.get().ifPresent(this::start);
        }
    }

    private void start(Path weights) {
        if (!canStart.get()) {
            return;
        }
        clearRun();
        stoppedIdentity = null;
        log.add("Preparing (" + RunWords.engine(runs.engineDescription(), document.config()) + "): "
                + RunWords.describe(document.config()) + (weights == null ? "" : ", from the weights in " + weights));
        Document copy = DocumentContents.copy(document);
        runIdentity = RunIdentity.of(copy, copy.config());
        untrainedEdits.track(copy);
        runs.start(copy, projectFolder.get(), snapshots.get(), weights);
    }

    public void pause() {
        if (canPause.get()) {
            runs.pause();
            log.add("Paused");
        }
    }

    /** Ends a pause; or continues a stopped run from its last finished step, exactly where it stopped. */
    public void resume() {
        if (!canResume.get()) {
            return;
        }
        if (state.get() == RunState.PAUSED) {
            runs.resume();
            log.add("Resumed");
            return;
        }
        List<String> changed = stoppedIdentity.differences(RunIdentity.of(document, document.config()));
        if (!changed.isEmpty()) {
            failure.set("Cannot resume: the project changed since the run stopped (" + String.join("; ", changed)
                    + "). Start a new run, or undo the changes.");
            return;
        }
        failure.set("");
        resumedAt = runs.stoppedStep();
        Document copy = DocumentContents.copy(document);
        runIdentity = RunIdentity.of(copy, copy.config());
        untrainedEdits.track(copy);
        runs.continueStopped(copy, projectFolder.get(), snapshots.get());
    }

    /** Asks the run to stop after its current step (also ends a pause). */
    public void stop() {
        if (canStop.get()) {
            log.add(runs.stop() ? "Stopping after the current step" : "Stopped before the first step");
        }
    }

    /** Clears the failure banner. */
    public void dismissFailure() {
        failure.set("");
    }

    /** Clears the divergence warning. */
    public void dismissWarning() {
        warning.set("");
    }

    // ---- the active run's events, from the coordinator on the UI thread ---------------------------

    @Override
    public void started(int steps) {
        line.started(steps);
        charts.started(Math.max(0, resumedAt), steps, runEvalEvery);
        log.add(resumedAt < 0 ? "Started " + steps + " steps" : "Resumed at step " + resumedAt + " of " + steps);
        resumedAt = -1;
    }

    /** A batch of steps and evaluations arrived: the series are published once per batch, not per step. */
    @Override
    public void batchDone() {
        charts.publish();
    }

    @Override
    public void step(StepMetrics m) {
        charts.step(m);
        progress.set(line.fraction(m));
        // The session reports examples per second of the batch the running copy trains with.
        progressText.set(line.step(m, runBatch));
    }

    @Override
    public void evaluation(EvalMetrics m) {
        String name = m.headline();
        metricName.set(RunWords.readable(name));
        Double value = m.values().get(name);
        if (value != null) {
            charts.metric(m.step(), value);
        }
        evaluationText.set(EvaluationWords.headline(m));
        log.add(String.format("Evaluation after step %d%s: %s", m.step(),
                m.examples() > 0 ? String.format(" on %,d held-out examples", m.examples()) : "", RunWords.values(m.values())));
    }

    @Override
    public void finished(RunSummary s) {
        if (!s.stopped()) {
            progress.set(1);
        }
        if (runs.hasStoppedRun()) {
            stoppedIdentity = runIdentity;
        }
        log.add(String.format("%s after %d steps in %s%s", s.stopped() ? "Stopped" : "Finished", s.steps(),
                RunWords.duration(s.elapsedMillis() / 1000.0), runs.hasStoppedRun() ? "; Resume continues from here" : ""));
        charts.ended();
        weights.runFinished();
    }

    /** The finished run's weights are saved: offered while the graph is still the one it trained. */
    @Override
    public void weightsSaved(TrainedWeights weights) {
        this.weights.saved(weights);
    }

    @Override
    public void diverged(Divergence d) {
        String line = d.describe();
        warning.set(Character.toUpperCase(line.charAt(0)) + line.substring(1) + ". A lower learning rate usually helps.");
        log.add("Warning: " + line);
    }

    @Override
    public void failed(RunFailure f) {
        stoppedIdentity = null;
        String where = f.nodeId() == null ? "" : " at node " + f.nodeId();
        failure.set("Training failed" + (f.step() > 0 ? " in step " + f.step() : "") + where + ": " + f.message());
        failedNode.set(f.nodeId());
        charts.ended();
        log.add(failure.get());
    }

    private void clearRun() {
        charts.clear();
        warning.set("");
        progress.set(0);
        progressText.set("Preparing…");
        failure.set("");
        failedNode.set(null);
        evaluationText.set("");
        line.reset();
        runBatch = document.config().batchSize();
        runEvalEvery = document.config().evalEvery();
    }

    private void showState(RunState s) {
        state.set(s);
        String standstill = line.standstill(s);
        if (standstill != null) {
            progressText.set(standstill);
        }
        canStart.set(!s.active());
        canPause.set(s == RunState.RUNNING);
        canResume.set(s == RunState.PAUSED || s == RunState.STOPPED && runs.hasStoppedRun());
        canStop.set(s == RunState.RUNNING || s == RunState.PAUSED || s == RunState.PREPARING);
    }

    /**
     * Another project was loaded (New, Open, a template): the tab starts over, without the previous project's
     * charts, log, status, failure or stopped run. A run still training keeps its tab, and the editor marks the
     * new project's blocks as not in that run.
     */
    public void projectLoaded() {
        if (state.get().active()) {
            return;
        }
        runs.forgetStoppedRun();
        stoppedIdentity = null;
        runIdentity = null;
        resumedAt = -1;
        charts.clear();
        log.clear();
        warning.set("");
        failure.set("");
        failedNode.set(null);
        evaluationText.set("");
        progress.set(0);
        progressText.set("Not started");
        line.reset();
        showState(RunState.IDLE);
    }

    /** The edits made while the active run trains the graph it started with. */
    public UntrainedEdits untrainedEdits() {
        return untrainedEdits;
    }

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
        return weights.property();
    }

    /** The live charts' series, their shared step range, the speed chart's title and the metric chart's wait. */
    public RunCharts charts() {
        return charts;
    }

    /** Newest last, at most {@value #LOG_LINES} lines. */
    public ObservableList<String> log() {
        return log.lines();
    }
}
