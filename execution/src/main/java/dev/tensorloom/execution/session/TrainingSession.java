package dev.tensorloom.execution.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.BatchSource;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.NodeFailureException;
import dev.tensorloom.execution.exec.NonFiniteValueException;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.memory.NativeHeapTrim;
import dev.tensorloom.execution.session.view.ModelViewProbe;
import dev.tensorloom.execution.train.Evaluator;
import dev.tensorloom.execution.train.TrainStepResult;
import dev.tensorloom.execution.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a plan on its own background thread and reports through a {@link RunListener}. Pause, resume
 * and stop are cooperative: they take effect between steps. The parameter store is the caller's; after
 * the session ends it holds the trained weights (save them with {@code WeightsFile}).
 *
 * <p>Same seed, same data and the CPU give the same loss curve bit for bit: initialisation is seeded per
 * node and every node's random draws are reseeded from (seed, step, node). The engine's generator is
 * process-wide, so run one session at a time. A run resumed from a {@link TrainingState} continues that
 * curve bit for bit too: the learning rate, the data and the random draws depend on the step only.
 */
public final class TrainingSession extends BackgroundRun {

    private final Plan plan;
    private final ParameterStore store;
    private final BatchSource source;
    private final SessionConfig config;
    private final RunListener listener;
    private boolean pauseRequested;
    private boolean stopRequested;
    private TrainingState finalState;
    private TrainingState resume;
    private boolean keepFinalState;
    private boolean stopOnDivergence;
    private int saveEvery;
    private Consumer<TrainingState> stateSink = s -> { };

    public TrainingSession(Plan plan, ParameterStore store, BatchSource source, SessionConfig config,
            RunListener listener) {
        this.plan = plan;
        this.store = store;
        this.source = source;
        this.config = config;
        this.listener = listener;
    }

    /**
     * Continues the run {@code state} was taken from instead of starting afresh: its parameters, buffers
     * and optimizer state, from its next step (the data source skips the batches it trained on). The
     * project must be the one it was trained on. Call before {@link #start}.
     */
    public void resumeFrom(TrainingState state) {
        requireNew();
        this.resume = state;
    }

    /** Keep the state after the last finished step ({@link #finalState}) for saving or resuming. Call before start. */
    public void keepFinalState() {
        requireNew();
        keepFinalState = true;
    }

    /** End the run (as stopped) at the step whose loss diverged, after reporting it. Call before start. */
    public void stopOnDivergence() {
        requireNew();
        stopOnDivergence = true;
    }

    /**
     * Hands the state after every {@code steps}-th step (not the last) to {@code sink}, on the training
     * thread, which waits for it: periodic checkpoints. Call before start.
     */
    public void saveEvery(int steps, Consumer<TrainingState> sink) {
        requireNew();
        if (steps < 1) {
            throw new IllegalArgumentException("save every must be at least 1 step, got " + steps);
        }
        this.saveEvery = steps;
        this.stateSink = sink;
    }

    private void requireNew() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("set a session up before it starts; it is " + state);
            }
        }
    }

    /** Starts the training thread; a session runs once. */
    @Override
    public void start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("a session can be started once; it is " + state);
            }
            state = State.RUNNING;
            startWorker(this::run, "tensorloom-training");
        }
    }

    /** Asks the run to pause after the current step. */
    @Override
    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Asks the run to stop after the current step (also ends a pause). */
    @Override
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /**
     * The state after the last finished step, once the run ended, when {@link #keepFinalState} was asked
     * for and the weights are whole (null after a failure inside an update).
     */
    public TrainingState finalState() {
        synchronized (lock) {
            return finalState;
        }
    }

    /** Blocks while paused; returns false when the run should stop. */
    private boolean awaitGo() throws InterruptedException {
        synchronized (lock) {
            while (pauseRequested && !stopRequested) {
                state = State.PAUSED;
                lock.wait();
            }
            state = stopRequested ? state : State.RUNNING;
            return !stopRequested;
        }
    }

    private void run() {
        JniUtils.setGradMode(true);
        Progress progress = new Progress(resume);
        try (Executor executor = new Executor(plan, store, config.seed());
                Trainer trainer = new Trainer(executor, config.optimizer(), config.learningRate(), config.momentum(),
                        config.weightDecay(), config.gradientClip());
                NDManager data = NDManager.newBaseManager(plan.device())) {
            RunFailure failure = null;
            boolean stopped = false;
            try {
                stopped = train(executor, trainer, data, progress);
            } catch (NodeFailureException e) {
                failure = new RunFailure(e.getMessage(), e.nodeId(), progress.done + 1, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new RunFailure("training was interrupted", null, progress.done + 1, e);
            } catch (RuntimeException | Error e) {
                failure = new RunFailure(String.valueOf(e.getMessage()), null, progress.done + 1, e);
            }
            // A failure before the step's update (bad values in forward or backward, a non-finite gradient)
            // leaves the weights of the last finished step, which are worth keeping; one inside the update does not.
            boolean consistent = trainer.updates() == progress.done;
            TrainingState last = keepFinalState && consistent ? capture(trainer, progress) : null;
            RunSummary s = progress.summary(stopped || failure != null);
            synchronized (lock) {
                summary = s;
                finalState = last;
                state = failure != null ? State.FAILED : stopped ? State.STOPPED : State.FINISHED;
            }
            if (failure != null) {
                listener.onFailed(failure);
            } else {
                listener.onFinished(s);
            }
        } catch (RuntimeException | Error e) {
            fail(new RunFailure(String.valueOf(e.getMessage()), null, progress.done + 1, e));
        }
    }

    /** The training loop; returns true when it was stopped (or stopped itself on divergence) before the end. */
    private boolean train(Executor executor, Trainer trainer, NDManager data, Progress progress)
            throws InterruptedException {
        if (plan.lossSteps().isEmpty()) {
            throw new IllegalStateException("the graph has no loss block, so there is nothing to train");
        }
        List<Map<String, NDArray>> heldOut = source.heldOut(data);
        if (progress.done > 0) {
            source.seek(progress.done, config.batchSize());
        }
        // The first batch is drawn before the loop so a checkpoint policy can be planned on it; that step
        // then trains on the same batch, so every policy sees exactly the data plain training sees.
        NDManager firstManager = data.newSubManager();
        long start = progress.done;
        Map<String, NDArray> first = start < config.steps() ? source.next(firstManager, config.batchSize()) : Map.of();
        ActivationSchedule activations = config.activations().plan(executor, first);
        if (resume != null) {
            // After planning: a profiling pass trains (and moves batch-norm statistics), the saved state wins.
            ResumedState.restore(resume, executor, trainer, first);
        }
        ModelViewProbe pictures = new ModelViewProbe(plan, store);
        DivergenceWatch divergence = DivergenceWatch.over(progress.losses);
        NativeHeapTrim heapTrim = NativeHeapTrim.every(NativeHeapTrim.DEFAULT_INTERVAL);
        int threads = JniUtils.getNumThreads();
        for (long step = start; step < config.steps(); step++) {
            if (!awaitGo()) {
                return true;
            }
            long t0 = System.nanoTime();
            TrainStepResult result;
            try (NDManager batchManager = step == start ? firstManager : data.newSubManager()) {
                Map<String, NDArray> batch = step == start ? first : source.next(batchManager, config.batchSize());
                boolean picturesDue = !pictures.isEmpty() && config.snapshots().modelViewsDue(step, config.steps());
                SnapshotObserver snapshots = config.snapshots().due(step) || picturesDue
                        ? new SnapshotObserver(config.snapshots(), listener, step) : null;
                result = trainer.step(batch, step, activations, listener::onExecutorAction, observer(snapshots));
                if (picturesDue && snapshots.first() != null) {
                    // Drawn after the update, from the new parameters; sent as a second snapshot of the step.
                    listener.onActivation(snapshots.first().withViews(pictures.capture(executor, batch,
                            heldOut.isEmpty() ? batch : heldOut.get(0), step)));
                }
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
            if (config.checkFinite() && !Double.isFinite(result.loss())) {
                String lossNode = plan.lossSteps().get(0).nodeId();
                throw new NonFiniteValueException(lossNode, "the loss is not finite");
            }
            progress.finished(result);
            Divergence diverged = divergence.observe(step + 1, result.loss());
            if (diverged != null) {
                listener.onDivergence(diverged);
            }
            listener.onStep(new StepMetrics(step + 1, result.loss(), result.learningRate(),
                    config.batchSize() / seconds, threads));
            listener.onGradientNorms(step + 1, result.nodeGradNorms());
            boolean last = step + 1 == config.steps();
            if (!heldOut.isEmpty() && (last || config.evalEvery() > 0 && (step + 1) % config.evalEvery() == 0)) {
                EvalMetrics evaluation = EvalMetrics.of(step + 1,
                        Evaluator.evaluate(executor, heldOut, config.metrics(), last));
                progress.lastEval = evaluation.values();
                listener.onEvaluation(evaluation);
            }
            if (diverged != null && stopOnDivergence) {
                return !last;
            }
            if (saveEvery > 0 && !last && (step + 1) % saveEvery == 0) {
                stateSink.accept(capture(trainer, progress));
            }
            heapTrim.maybeTrim();
        }
        return false;
    }

    private TrainingState capture(Trainer trainer, Progress progress) {
        return new TrainingState(progress.done, progress.losses, progress.lastEval, progress.forwardEvaluations,
                progress.elapsedMillis(), store.encode(), trainer.exportOptimizer());
    }

    /** What the loop has done so far, counting the steps of the run it resumed. */
    private static final class Progress {
        final DoubleList losses = new DoubleList();
        final long started = System.nanoTime();
        final long earlierMillis;
        Map<String, Double> lastEval = Map.of();
        long forwardEvaluations;
        long done;

        Progress(TrainingState resumed) {
            if (resumed != null) {
                resumed.losses().forEach(v -> losses.add(v.doubleValue()));
                lastEval = resumed.lastEvaluation();
                forwardEvaluations = resumed.forwardEvaluations();
                done = resumed.step();
                earlierMillis = resumed.elapsedMillis();
            } else {
                earlierMillis = 0;
            }
        }

        void finished(TrainStepResult result) {
            losses.add(result.loss());
            forwardEvaluations += result.outcome().forwardEvaluations();
            done++;
        }

        long elapsedMillis() {
            return earlierMillis + (System.nanoTime() - started) / 1_000_000;
        }

        RunSummary summary(boolean stopped) {
            return new RunSummary(done, stopped, losses, lastEval, forwardEvaluations, elapsedMillis());
        }
    }

    private void fail(RunFailure failure) {
        synchronized (lock) {
            state = State.FAILED;
        }
        listener.onFailed(failure);
    }

    private ForwardObserver observer(SnapshotObserver snapshots) {
        List<ForwardObserver> parts = new ArrayList<>();
        // Snapshot first, so the views also show the node whose values went bad.
        if (snapshots != null) {
            parts.add(snapshots);
        }
        if (config.checkFinite()) {
            parts.add(new NonFiniteGuard());
        }
        return (Step s, NDList outputs, Map<String, NDArray> published) -> {
            for (ForwardObserver o : parts) {
                o.onForward(s, outputs, published);
            }
        };
    }
}
