package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.TrainingState;
import dev.tensorloom.execution.train.OptimizerState;
import dev.tensorloom.model.command.AddNode;
import dev.tensorloom.model.command.SetParameter;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.studio.task.UpdateThrottle;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunPanelViewModelTest {
    /** A launcher whose run the test drives: it records control calls and exposes the listener. */
    private static final class FakeLauncher implements RunLauncher {
        final List<String> calls = new ArrayList<>();
        TrainingState stoppedAt;
        RunListener listener;
        SnapshotPolicy snapshots;
        RuntimeException refuse;

        @Override
        public RunHandle resume(Document document, java.nio.file.Path dataFolder, SnapshotPolicy snapshots,
                RunListener listener, TrainingState state) {
            calls.add("resume from " + state.step());
            return prepare(document, dataFolder, snapshots, listener);
        }

        @Override
        public RunHandle prepareFrom(Document document, java.nio.file.Path dataFolder, SnapshotPolicy snapshots,
                RunListener listener, java.nio.file.Path weights) {
            calls.add("from " + weights);
            return prepare(document, dataFolder, snapshots, listener);
        }

        @Override
        public RunHandle prepare(Document document, java.nio.file.Path dataFolder, SnapshotPolicy snapshots,
                RunListener listener) {
            if (refuse != null) {
                throw refuse;
            }
            this.listener = listener;
            this.snapshots = snapshots;
            calls.add("prepare " + document.config().steps());
            return new RunHandle() {
                @Override
                public void start() {
                    calls.add("start");
                }

                @Override
                public void pause() {
                    calls.add("pause");
                }

                @Override
                public void resume() {
                    calls.add("resume");
                }

                @Override
                public void stop() {
                    calls.add("stop");
                }

                @Override
                public int totalSteps() {
                    return document.config().steps();
                }

                @Override
                public void release() {
                    calls.add("release");
                }

                @Override
                public TrainingState finalState() {
                    return stoppedAt;
                }
            };
        }
    }

    private final Document doc = new Document();
    private final UndoStack undo = new UndoStack(doc);
    private final FakeLauncher launcher = new FakeLauncher();
    private RunPanelViewModel vm;

    @BeforeEach
    void setUp() {
        doc.setConfig(TrainingConfig.DEFAULT.withDataset("seq-reverse").withSteps(4).withBatchSize(8));
        vm = new RunPanelViewModel(doc, undo, new RunCoordinator(launcher, TaskExecutor.direct(), UpdateThrottle.direct(),
                new RunListener() { }));
        vm.setSnapshotPolicy(() -> SnapshotPolicy.nodes(Set.of("enc1"), 2));
    }

    @Test
    void trainFromWeightsStartsFromTheChosenFolderAndACancelStartsNothing() {
        java.util.Deque<java.nio.file.Path> answers = new java.util.ArrayDeque<>();
        vm.setWeightsChooser(() -> java.util.Optional.ofNullable(answers.poll()));
        vm.startFromWeights();
        assertEquals(List.of(), launcher.calls, "cancelled: no run");
        assertEquals(RunState.IDLE, vm.stateProperty().get());

        java.nio.file.Path folder = java.nio.file.Path.of("/data/trained-by-pytorch");
        answers.add(folder);
        vm.startFromWeights();
        assertEquals(List.of("from " + folder, "prepare 4", "start"), launcher.calls);
        assertEquals(RunState.RUNNING, vm.stateProperty().get());
        assertTrue(vm.log().get(0).endsWith(", from the weights in " + folder), vm.log().get(0));

        // A plain Start afterwards starts from the seed's weights again.
        launcher.listener.onFinished(new RunSummary(4, false, List.of(), Map.of(), 40, 2000));
        launcher.calls.clear();
        vm.start();
        assertEquals(List.of("prepare 4", "start"), launcher.calls);
        String preparing = vm.log().stream().filter(l -> l.startsWith("Preparing")).reduce((a, b) -> b).orElseThrow();
        assertFalse(preparing.contains("from the weights"), preparing);
    }

    @Test
    void startPauseResumeStopFollowTheStateMachine() {
        assertTrue(vm.canStartProperty().get());
        assertFalse(vm.canPauseProperty().get());
        vm.start();
        assertEquals(List.of("prepare 4", "start"), launcher.calls);
        assertEquals(RunState.RUNNING, vm.stateProperty().get());
        assertEquals(SnapshotPolicy.nodes(Set.of("enc1"), 2), launcher.snapshots);
        assertFalse(vm.canStartProperty().get());
        assertTrue(vm.canPauseProperty().get());
        assertTrue(vm.canStopProperty().get());

        vm.pause();
        assertEquals(RunState.PAUSED, vm.stateProperty().get());
        assertTrue(vm.canResumeProperty().get());
        assertFalse(vm.canPauseProperty().get());
        vm.resume();
        assertEquals(RunState.RUNNING, vm.stateProperty().get());
        vm.stop();
        assertEquals(RunState.STOPPING, vm.stateProperty().get());
        assertFalse(vm.canStopProperty().get());
        launcher.listener.onFinished(new RunSummary(1, true, List.of(2.0), Map.of(), 10, 1500));
        assertEquals(RunState.STOPPED, vm.stateProperty().get());
        assertEquals(List.of("prepare 4", "start", "pause", "resume", "stop", "release"), launcher.calls);
        assertTrue(vm.canStartProperty().get(), "a new run may start");
    }

    @Test
    void stepsFillChartsProgressAndEta() {
        vm.start();
        // Batch 8 at 16 examples/s: half a second per step.
        launcher.listener.onStep(new StepMetrics(1, 2.5, 0.001, 16));
        launcher.listener.onStep(new StepMetrics(2, 2.0, 0.002, 16));
        assertEquals(0.5, vm.progressProperty().get(), 1e-12);
        assertEquals(List.of(new ChartPoint(1, 2.5), new ChartPoint(2, 2.0)), vm.charts().lossPoints().get());
        assertEquals(new ChartPoint(2, 0.002), vm.charts().learningRatePoints().get().get(1));
        assertEquals(new ChartPoint(1, 16), vm.charts().throughputPoints().get().get(0));
        assertTrue(vm.progressTextProperty().get().startsWith("Step 2 / 4"), vm.progressTextProperty().get());
        assertTrue(vm.progressTextProperty().get().endsWith("ETA 0:01"), vm.progressTextProperty().get());
        launcher.listener.onEvaluation(new EvalMetrics(2, Map.of("loss", 2.1, "accuracy", 0.4)));
        assertEquals("Accuracy", vm.metricNameProperty().get());
        assertEquals(List.of(new ChartPoint(2, 0.4)), vm.charts().metricPoints().get());
        launcher.listener.onFinished(new RunSummary(4, false, List.of(), Map.of(), 40, 2000));
        assertEquals(RunState.FINISHED, vm.stateProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertTrue(vm.log().get(vm.log().size() - 1).startsWith("Finished after 4 steps"));
    }

    @Test
    void theMetricChartSaysWhenItsFirstPointComes() {
        assertEquals("No run yet", vm.charts().metricWaiting().get());
        TrainingConfig c = doc.config();
        doc.setConfig(new TrainingConfig(c.dataset(), c.optimizer(), c.learningRate(), c.schedule(), c.warmupSteps(),
                c.weightDecay(), c.momentum(), c.gradientClip(), c.batchSize(), 1200, 0, 250, c.seed(), c.device(),
                c.checkpointPolicy()));
        vm.start();
        assertEquals("First evaluation after step 250", vm.charts().metricWaiting().get());
        launcher.listener.onFinished(new RunSummary(20, true, List.of(), Map.of(), 40, 2000));
        assertEquals("No held-out evaluation in this run", vm.charts().metricWaiting().get(),
                "stopped before the first evaluation");

        doc.setConfig(doc.config().withSteps(4));
        vm.start();
        assertEquals("First evaluation after step 4", vm.charts().metricWaiting().get(),
                "fewer steps than the interval: evaluated after the last");
        launcher.listener.onEvaluation(new EvalMetrics(4, Map.of("loss", 2.1, "accuracy", 0.4)));
        launcher.listener.onFinished(new RunSummary(4, false, List.of(), Map.of(), 40, 2000));
        assertEquals(List.of(new ChartPoint(4, 0.4)), vm.charts().metricPoints().get());
        vm.projectLoaded();
        assertEquals("No run yet", vm.charts().metricWaiting().get(), "another project: no run yet");
    }

    @Test
    void aFailureNamesTheNodeForTheCanvas() {
        vm.start();
        launcher.listener.onFailed(new RunFailure("the loss is not finite", "loss", 3, null));
        assertEquals(RunState.FAILED, vm.stateProperty().get());
        assertEquals("loss", vm.failedNodeProperty().get());
        assertEquals("Training failed in step 3 at node loss: the loss is not finite", vm.failureProperty().get());
        vm.dismissFailure();
        assertEquals("", vm.failureProperty().get());
        vm.start();
        assertNull(vm.failedNodeProperty().get(), "a new run clears the old failure");
    }

    @Test
    void aRunThatCannotBePreparedFailsWithItsMessage() {
        launcher.refuse = new IllegalArgumentException("the project names no dataset");
        vm.start();
        assertEquals(RunState.FAILED, vm.stateProperty().get());
        assertTrue(vm.failureProperty().get().endsWith("the project names no dataset"));
        assertTrue(vm.canStartProperty().get());
    }

    @Test
    void eventsOfAnEarlierRunAreIgnored() {
        vm.start();
        RunListener first = launcher.listener;
        vm.stop();
        first.onFinished(new RunSummary(1, true, List.of(), Map.of(), 1, 1));
        vm.start();
        first.onStep(new StepMetrics(3, 9, 0.1, 1));
        assertEquals(List.of(), vm.charts().lossPoints().get());
    }

    @Test
    void eachSettingIsOneUndoableCommand() {
        vm.settings().setOptimizer("sgd");
        vm.settings().setLearningRate(0.05);
        vm.settings().setCheckpointPolicy("budget:64");
        vm.settings().setBatchSize(8);
        assertEquals("sgd", doc.config().optimizer());
        assertEquals(0.05, vm.settings().configProperty().get().learningRate());
        assertEquals("budget:64", doc.config().checkpointPolicy());
        assertEquals(3, undo.revision(), "unchanged batch pushes nothing");
        undo.undo();
        assertEquals("none", doc.config().checkpointPolicy());
        assertEquals("none", vm.settings().configProperty().get().checkpointPolicy());
        vm.settings().setCheckpointPolicy("budget:x");
        assertTrue(vm.settings().configErrorProperty().get().contains("bad checkpoint policy"));
        vm.settings().setSteps(0);
        assertEquals("Train at least one step", vm.settings().configErrorProperty().get());
        vm.settings().setWarmupSteps(10);
        vm.settings().setSchedule("cosine");
        assertEquals(10, doc.config().warmupSteps());
        assertEquals("cosine", doc.config().schedule());
        assertEquals("", vm.settings().configErrorProperty().get());
    }

    @Test
    void aStoppedRunResumesFromItsLastStepKeepingItsCurves() {
        vm.start();
        launcher.listener.onStep(new StepMetrics(1, 2.5, 0.001, 16));
        launcher.listener.onStep(new StepMetrics(2, 2.0, 0.001, 16));
        vm.stop();
        launcher.stoppedAt = new TrainingState(2, List.of(2.5, 2.0), Map.of(), 0, 10, Map.of(),
                new OptimizerState("adam", 2, Map.of()));
        launcher.listener.onFinished(new RunSummary(2, true, List.of(2.5, 2.0), Map.of(), 10, 10));
        assertEquals(RunState.STOPPED, vm.stateProperty().get());
        assertTrue(vm.canResumeProperty().get(), "Resume continues a stopped run");
        launcher.calls.clear();

        vm.resume();
        assertEquals(List.of("resume from 2", "prepare 4", "start"), launcher.calls);
        assertEquals(RunState.RUNNING, vm.stateProperty().get());
        assertEquals(2, vm.charts().lossPoints().get().size(), "the curves go on where they were");
        assertTrue(vm.log().get(vm.log().size() - 1).equals("Resumed at step 2 of 4"), vm.log().toString());
        launcher.listener.onStep(new StepMetrics(3, 1.5, 0.001, 16));
        assertEquals(3, vm.charts().lossPoints().get().size());
    }

    @Test
    void aStoppedRunResumesOnTheEngineThatTrainedItWhateverThePickerSaysNow() {
        vm.start();
        vm.stop();
        launcher.stoppedAt = new TrainingState(1, List.of(2.5), Map.of(), 0, 10, Map.of(),
                new OptimizerState("adam", 1, Map.of()));
        launcher.listener.onFinished(new RunSummary(1, true, List.of(2.5), Map.of(), 10, 10));
        FakeLauncher other = new FakeLauncher();
        vm.setLauncherChoice(LauncherChoice.always(other));
        launcher.calls.clear();
        vm.resume();
        assertEquals(List.of("resume from 1", "prepare 4", "start"), launcher.calls);
        assertEquals(List.of(), other.calls);
        assertEquals(RunState.RUNNING, vm.stateProperty().get());
    }

    @Test
    void aStoppedRunWhoseProjectChangedIsNotResumed() {
        vm.start();
        vm.stop();
        launcher.stoppedAt = new TrainingState(1, List.of(2.5), Map.of(), 0, 10, Map.of(),
                new OptimizerState("adam", 1, Map.of()));
        launcher.listener.onFinished(new RunSummary(1, true, List.of(2.5), Map.of(), 10, 10));
        vm.settings().setLearningRate(0.5);
        launcher.calls.clear();
        vm.resume();
        assertEquals(List.of(), launcher.calls);
        assertTrue(vm.failureProperty().get().contains("learningRate was 0.001, is 0.5"), vm.failureProperty().get());
        undo.undo();
        vm.resume();
        assertEquals(RunState.RUNNING, vm.stateProperty().get());
    }

    @Test
    void aFinishedOrFailedRunHasNothingToResume() {
        vm.start();
        launcher.listener.onFailed(new RunFailure("the loss is not finite", "loss", 3, null));
        assertFalse(vm.canResumeProperty().get());
        vm.start();
        launcher.listener.onFinished(new RunSummary(4, false, List.of(), Map.of(), 40, 2000));
        assertFalse(vm.canResumeProperty().get());
    }

    @Test
    void aDivergingLossIsAWarningNamingTheStep() {
        vm.start();
        launcher.listener.onDivergence(new Divergence(5, 3e30, 0.9, 3));
        assertTrue(vm.warningProperty().get().contains("diverged at step 5"), vm.warningProperty().get());
        assertTrue(vm.log().get(vm.log().size() - 1).startsWith("Warning: the loss diverged at step 5"));
        assertEquals(RunState.RUNNING, vm.stateProperty().get(), "only a warning");
        vm.dismissWarning();
        assertEquals("", vm.warningProperty().get());
    }

    @Test
    void editsWhileARunTrainsAreMarkedAsNotInThisRunUntilItEnds() {
        doc.addNode(Node.of("fc", "linear"));
        vm.start();
        UntrainedEdits edits = vm.untrainedEdits();
        assertFalse(edits.changesProperty().get().any());
        assertEquals("", edits.noticeProperty().get());

        undo.push(new SetParameter("fc", "out_features", 32L));
        undo.push(new AddNode(Node.of("extra", "relu")));
        assertEquals(Set.of("fc", "extra"), edits.changesProperty().get().changed());
        assertTrue(edits.noticeProperty().get().startsWith("Not in this run: 2 blocks added or changed since it started"),
                edits.noticeProperty().get());
        undo.undo();
        undo.undo();
        assertFalse(edits.changesProperty().get().any(), "undone edits are the trained graph again");

        undo.push(new SetParameter("fc", "out_features", 64L));
        assertEquals(Set.of("fc"), edits.changesProperty().get().changed());
        launcher.listener.onFinished(new RunSummary(4, false, List.of(), Map.of(), 40, 2000));
        assertEquals(RunState.FINISHED, vm.stateProperty().get());
        assertFalse(edits.changesProperty().get().any(), "no run, nothing to mark");
        assertEquals("", edits.noticeProperty().get());
        undo.push(new SetParameter("fc", "out_features", 16L));
        assertFalse(edits.changesProperty().get().any(), "edits between runs are not marked");
    }

    @Test
    void loadingAnotherProjectStartsTheTabOverUnlessARunIsTraining() {
        vm.start();
        launcher.listener.onStep(new StepMetrics(1, 2.5, 0.001, 16));
        vm.projectLoaded();
        assertEquals(RunState.RUNNING, vm.stateProperty().get(), "a training run keeps its tab");
        assertFalse(vm.log().isEmpty());
        assertFalse(vm.charts().lossPoints().get().isEmpty());

        vm.stop();
        launcher.stoppedAt = new TrainingState(1, List.of(2.5), Map.of(), 0, 10, Map.of(),
                new OptimizerState("adam", 1, Map.of()));
        launcher.listener.onFinished(new RunSummary(1, true, List.of(2.5), Map.of(), 10, 10));
        assertTrue(vm.canResumeProperty().get(), "the stopped run could continue");

        vm.projectLoaded();
        assertEquals(RunState.IDLE, vm.stateProperty().get());
        assertTrue(vm.log().isEmpty());
        assertTrue(vm.charts().lossPoints().get().isEmpty());
        assertEquals("Not started", vm.progressTextProperty().get());
        assertEquals("", vm.failureProperty().get());
        assertFalse(vm.canResumeProperty().get(), "the other project's stopped run cannot be continued here");
        assertTrue(vm.canStartProperty().get());
    }

    @Test
    void aRunThatIsNotTrainingSaysWhereItStandsNotAFrozenEta() {
        vm.start();
        launcher.listener.onStep(new StepMetrics(1, 2.5, 0.001, 16));
        assertTrue(vm.progressTextProperty().get().startsWith("Step 1 / 4 · loss 2.500 · ETA"), vm.progressTextProperty().get());
        vm.pause();
        assertEquals("Paused at step 1 / 4 · loss 2.500", vm.progressTextProperty().get());
        vm.resume();
        launcher.listener.onStep(new StepMetrics(2, 2.25, 0.001, 16));
        vm.stop();
        assertEquals("Stopping after the current step (step 2 / 4 · loss 2.250)", vm.progressTextProperty().get());
        launcher.listener.onFinished(new RunSummary(2, true, List.of(2.5, 2.25), Map.of(), 20, 1000));
        assertEquals("Stopped at step 2 / 4 · loss 2.250", vm.progressTextProperty().get());

        vm.start();
        launcher.listener.onFailed(new RunFailure("bad input", "fc", 1, null));
        assertEquals("Failed before the first step", vm.progressTextProperty().get());
    }
}
