package dev.tensorloom.studio.run;

import dev.tensorloom.execution.session.ActivationSnapshot;
import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.TrainingState;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Owns the active run, as JabRef's {@code StateManager} owns the active library: prepares it off the UI
 * thread, starts, pauses, resumes and stops it, and knows which run is the active one. Its events reach the
 * run panel on the UI thread, throttled, in order, and only while their run is the active one (a stopped
 * run's late steps are dropped); the run panel never sees the training thread. Activation snapshots and
 * gradient norms go to the activation view's own throttled listener. A stopped run whose engine kept its
 * last step's state ({@link RunLauncher.RunHandle#finalState}) can be continued exactly ({@link #continueStopped}).
 */
public final class RunCoordinator {
    /** What the run panel hears of the active run, on the UI thread. */
    public interface Observer {
        void started(int totalSteps);

        void step(StepMetrics metrics);

        void evaluation(EvalMetrics metrics);

        void finished(RunSummary summary);

        void failed(RunFailure failure);

        /** The loss ran away ({@link Divergence}); the run goes on. */
        void diverged(Divergence divergence);

        /** The run that just finished saved its trained weights (after {@link #finished}). */
        void weightsSaved(TrainedWeights weights);

        /** A batch of step and evaluation events has been handed over: a moment to redraw charts once. */
        void batchDone();
    }

    private LauncherChoice launchers;
    private final TaskExecutor tasks;
    private final RunListener activations;
    private final Consumer<Object> events;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private Observer observer;
    private RunLauncher.RunHandle handle;
    private RunLauncher handleLauncher;
    private int generation;
    /** The stopped run {@link #continueStopped} continues, and the engine that trained it; null when none. */
    private TrainingState stoppedState;
    private RunLauncher stoppedLauncher;

    /**
     * @param activations hears the activation snapshots and gradient norms of every run (the activation view,
     *                    which throttles them itself), on the training thread
     */
    public RunCoordinator(RunLauncher launcher, TaskExecutor tasks, UpdateThrottle throttle, RunListener activations) {
        this.launchers = LauncherChoice.always(Objects.requireNonNull(launcher));
        this.tasks = Objects.requireNonNull(tasks);
        this.activations = Objects.requireNonNull(activations);
        this.events = throttle.publisher(this::apply);
    }

    /** The one observer of runs (the run panel). */
    public void setObserver(Observer observer) {
        this.observer = observer;
    }

    /** Picks the engine of each run when it starts (the Run tab's engine picker); by default the constructor's launcher. */
    public void setLauncherChoice(LauncherChoice choice) {
        launchers = Objects.requireNonNull(choice);
    }

    /** Which engine the next run would use, in a few words for the log. */
    public String engineDescription() {
        return launchers.describe();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * Asks the launcher choice for an engine, then prepares a run of {@code copy} (a private copy of the
     * project) off the UI thread and starts it.
     */
    public void start(Document copy, Path dataFolder, SnapshotPolicy snapshots) {
        start(copy, dataFolder, snapshots, null);
    }

    /**
     * As {@link #start(Document, Path, SnapshotPolicy)}, but the run starts from the weights in {@code weights}
     * (a folder with {@code weights.safetensors}) instead of the seed's initial ones; null for those.
     */
    public void start(Document copy, Path dataFolder, SnapshotPolicy snapshots, Path weights) {
        forgetStopped();
        int run = ++generation;
        state.set(RunState.PREPARING);
        launchers.choose(chosen -> {
            if (run == generation && state.get() == RunState.PREPARING) {
                prepare(run, chosen, copy, dataFolder, snapshots, null, weights);
            }
        }, reason -> {
            if (run == generation && state.get() == RunState.PREPARING) {
                failed(new RunFailure(reason, null, 0, null));
            }
        });
    }

    /** Whether a stopped run can be continued from its last finished step. */
    public boolean hasStoppedRun() {
        return stoppedState != null;
    }

    /** The step the stopped run continues after, or -1 when there is none. */
    public long stoppedStep() {
        return stoppedState == null ? -1 : stoppedState.step();
    }

    /**
     * Continues the stopped run on the engine that trained it, whatever the picker says now; the caller has
     * checked that {@code copy} is the project that run trained.
     */
    public void continueStopped(Document copy, Path dataFolder, SnapshotPolicy snapshots) {
        if (stoppedState == null) {
            throw new IllegalStateException("no stopped run to continue");
        }
        int run = ++generation;
        state.set(RunState.PREPARING);
        prepare(run, stoppedLauncher, copy, dataFolder, snapshots, stoppedState, null);
    }

    /** Another project was opened: the stopped run of the previous one can no longer be continued. */
    public void forgetStoppedRun() {
        forgetStopped();
    }

    private void forgetStopped() {
        stoppedState = null;
        stoppedLauncher = null;
    }

    private void prepare(int run, RunLauncher chosen, Document copy, Path dataFolder, SnapshotPolicy snapshots,
            TrainingState from, Path weights) {
        RunListener listener = listenerFor(run);
        BackgroundTask.wrap(() -> from != null ? chosen.resume(copy, dataFolder, snapshots, listener, from)
                : weights != null ? chosen.prepareFrom(copy, dataFolder, snapshots, listener, weights)
                : chosen.prepare(copy, dataFolder, snapshots, listener)).onSuccess(h -> {
            if (run != generation || state.get() != RunState.PREPARING) {
                h.release();
                return;
            }
            handle = h;
            handleLauncher = chosen;
            state.set(RunState.RUNNING);
            observer.started(h.totalSteps());
            h.start();
        }).onFailure(e -> {
            if (run == generation) {
                failed(new RunFailure(String.valueOf(e.getMessage()), nodeOf(e), 0, e));
            }
        }).executeWith(tasks);
    }

    public void pause() {
        handle.pause();
        state.set(RunState.PAUSED);
    }

    public void resume() {
        handle.resume();
        state.set(RunState.RUNNING);
    }

    /**
     * Asks the run to stop after its current step (also ends a pause); returns false when it was still
     * preparing, and is dropped unstarted when it arrives.
     */
    public boolean stop() {
        if (handle == null) {
            state.set(RunState.STOPPED);
            return false;
        }
        handle.stop();
        state.set(RunState.STOPPING);
        return true;
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
                activations.onActivation(snapshot);
            }

            @Override
            public void onGradientNorms(long step, Map<String, Double> norms) {
                activations.onGradientNorms(step, norms);
            }
        };
    }

    /** An event of run number {@code run}. */
    private record Tagged(int run, Object event) {
    }

    /** One batch of events on the UI thread, for the active run only. */
    private void apply(List<Object> batch) {
        boolean charted = false;
        for (Object o : batch) {
            Tagged t = (Tagged) o;
            if (t.run() != generation) {
                continue;
            }
            if (t.event() instanceof StepMetrics m) {
                observer.step(m);
                charted = true;
            } else if (t.event() instanceof EvalMetrics m) {
                observer.evaluation(m);
                charted = true;
            } else if (t.event() instanceof RunSummary s) {
                if (s.stopped() && handle != null && handle.finalState() != null) {
                    stoppedState = handle.finalState();
                    stoppedLauncher = handleLauncher;
                }
                state.set(s.stopped() ? RunState.STOPPED : RunState.FINISHED);
                observer.finished(s);
                releaseSavingWeights(t.run());
            } else if (t.event() instanceof RunFailure f) {
                failed(f);
            } else if (t.event() instanceof Divergence d) {
                observer.diverged(d);
            }
        }
        if (charted) {
            observer.batchDone();
        }
    }

    private void failed(RunFailure f) {
        forgetStopped();
        state.set(RunState.FAILED);
        observer.failed(f);
        release();
    }

    /** Releases the finished run, which first saves its trained weights; they reach the observer if it is still the active run. */
    private void releaseSavingWeights(int run) {
        if (handle != null) {
            handle.release(weights -> tasks.ui(() -> {
                if (run == generation) {
                    observer.weightsSaved(weights);
                }
            }));
            handle = null;
        }
    }

    private void release() {
        if (handle != null) {
            handle.release();
            handle = null;
        }
    }

    /** The node a user error names, when its exception says ({@code CompileException}, for one). */
    private static String nodeOf(Throwable e) {
        if (e instanceof dev.tensorloom.execution.compile.CompileException c) {
            return c.nodeId();
        }
        return e instanceof dev.tensorloom.model.UserError u ? u.location().nodeId() : null;
    }
}
