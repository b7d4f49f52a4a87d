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
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.session.view.ModelViewProbe;
import dev.tensorloom.execution.train.Evaluator;
import dev.tensorloom.execution.train.TrainStepResult;
import dev.tensorloom.execution.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Trains a plan on its own background thread and reports through a {@link RunListener}. Pause, resume
 * and stop are cooperative: they take effect between steps. The parameter store is the caller's; after
 * the session ends it holds the trained weights (save them with {@code WeightsFile}).
 *
 * <p>Same seed, same data and the CPU give the same loss curve bit for bit: initialisation is seeded per
 * node and every node's random draws are reseeded from (seed, step, node). The engine's generator is
 * process-wide, so run one session at a time.
 */
public final class TrainingSession implements TrainingRun {

    private final Plan plan;
    private final ParameterStore store;
    private final BatchSource source;
    private final SessionConfig config;
    private final RunListener listener;
    private final Object lock = new Object();
    private State state = State.NEW;
    private boolean pauseRequested;
    private boolean stopRequested;
    private Thread thread;
    private RunSummary summary;

    public TrainingSession(Plan plan, ParameterStore store, BatchSource source, SessionConfig config,
            RunListener listener) {
        this.plan = plan;
        this.store = store;
        this.source = source;
        this.config = config;
        this.listener = listener;
    }

    /** Starts the training thread; a session runs once. */
    @Override
    public void start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("a session can be started once; it is " + state);
            }
            state = State.RUNNING;
            thread = new Thread(this::run, "tensorloom-training");
            thread.setDaemon(true);
            thread.start();
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

    @Override
    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Waits for the training thread to end; true when it did within the timeout. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = thread;
        }
        if (t == null) {
            return false;
        }
        t.join(unit.toMillis(timeout));
        return !t.isAlive();
    }

    /** The summary once the run finished or was stopped, else null. */
    @Override
    public RunSummary summary() {
        synchronized (lock) {
            return summary;
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
        int threads = JniUtils.getNumThreads();
        long started = System.nanoTime();
        List<Double> losses = new ArrayList<>();
        EvalMetrics lastEval = null;
        long forwardEvaluations = 0;
        long step = 0;
        try (Executor executor = new Executor(plan, store, config.seed());
                NDManager data = NDManager.newBaseManager(plan.device())) {
            if (plan.lossSteps().isEmpty()) {
                throw new IllegalStateException("the graph has no loss block, so there is nothing to train");
            }
            Trainer trainer = new Trainer(executor, config.optimizer(), config.learningRate(), config.momentum(),
                    config.weightDecay(), config.gradientClip());
            List<Map<String, NDArray>> heldOut = source.heldOut(data);
            // The first batch is drawn before the loop so a checkpoint policy can be planned on it; step 0
            // then trains on the same batch, so every policy sees exactly the data plain training sees.
            NDManager firstManager = data.newSubManager();
            Map<String, NDArray> first = config.steps() > 0 ? source.next(firstManager, config.batchSize()) : Map.of();
            ActivationSchedule activations = config.activations().plan(executor, first);
            ModelViewProbe pictures = new ModelViewProbe(plan, store);
            boolean stopped = false;
            for (; step < config.steps(); step++) {
                if (!awaitGo()) {
                    stopped = true;
                    break;
                }
                long t0 = System.nanoTime();
                TrainStepResult result;
                try (NDManager batchManager = step == 0 ? firstManager : data.newSubManager()) {
                    Map<String, NDArray> batch = step == 0 ? first : source.next(batchManager, config.batchSize());
                    boolean picturesDue = !pictures.isEmpty() && config.snapshots().modelViewsDue(step, config.steps());
                    SnapshotObserver snapshots = config.snapshots().due(step) || picturesDue
                            ? new SnapshotObserver(config.snapshots(), listener, step) : null;
                    result = trainer.step(batch, step, activations, listener::onExecutorAction,
                            observer(snapshots));
                    if (picturesDue && snapshots.first() != null) {
                        // Drawn after the update, from the new parameters; sent as a second snapshot of the step.
                        listener.onActivation(snapshots.first().withViews(pictures.capture(executor, batch,
                                heldOut.isEmpty() ? batch : heldOut.get(0), step)));
                    }
                }
                double seconds = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
                losses.add(result.loss());
                forwardEvaluations += result.outcome().forwardEvaluations();
                if (config.checkFinite() && !Double.isFinite(result.loss())) {
                    String lossNode = plan.lossSteps().get(0).nodeId();
                    throw new NodeFailureException(lossNode, "the loss is not finite", null);
                }
                listener.onStep(new StepMetrics(step + 1, result.loss(), result.learningRate(),
                        config.batchSize() / seconds, threads));
                listener.onGradientNorms(step + 1, result.nodeGradNorms());
                boolean last = step + 1 == config.steps();
                if (!heldOut.isEmpty() && (last || config.evalEvery() > 0 && (step + 1) % config.evalEvery() == 0)) {
                    lastEval = EvalMetrics.of(step + 1, Evaluator.evaluate(executor, heldOut, config.metrics(), last));
                    listener.onEvaluation(lastEval);
                }
            }
            RunSummary s = new RunSummary(step, stopped, losses, lastEval == null ? Map.of() : lastEval.values(),
                    forwardEvaluations, (System.nanoTime() - started) / 1_000_000);
            synchronized (lock) {
                summary = s;
                state = stopped ? State.STOPPED : State.FINISHED;
            }
            listener.onFinished(s);
        } catch (NodeFailureException e) {
            fail(new RunFailure(e.getMessage(), e.nodeId(), step + 1, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new RunFailure("training was interrupted", null, step + 1, e));
        } catch (RuntimeException | Error e) {
            fail(new RunFailure(String.valueOf(e.getMessage()), null, step + 1, e));
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
