package dev.tensorloom.execution.torch;

import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.BackgroundRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The PyTorch engine: runs an exported package's {@code train.py} in a child process (or {@code torchrun}
 * with several), reads its JSON-line events and reports them through the same {@link RunListener} the DJL
 * engine uses, so the studio's views do not know which engine trains. The child never outlives this
 * session: {@link #stop()} asks it to end between steps and kills it if it does not, closing its standard
 * input (or the studio's death, which the child watches for) ends it too, and a JVM shutdown hook kills
 * whatever is left.
 */
public final class PyTorchSession extends BackgroundRun {
    private static final long STOP_GRACE_SECONDS = 20;
    private final TorchRunRequest request;
    private final RunListener listener;
    private final Consumer<TorchEvent> rawEvents;
    private final List<Double> losses = new ArrayList<>();
    private final ErrorTail errorTail = new ErrorTail();
    private final ControlFile controlFile;
    private final ModelAttributes attributes;
    private Process process;
    private Thread shutdownHook;
    private RunFailure failure;
    private Map<String, Double> lastEvaluation = Map.of();
    private String watched;

    /**
     * @param rawEvents every parsed event, for what the listener has no method for (memory, activations
     *     as the child sends them); called on the reader thread
     */
    public PyTorchSession(TorchRunRequest request, RunListener listener, Consumer<TorchEvent> rawEvents) throws IOException {
        this.request = request;
        this.listener = listener;
        this.rawEvents = rawEvents;
        this.attributes = ModelAttributes.of(request.packageFolder());
        this.controlFile = new ControlFile();
        this.watched = request.watchedNode();
        writeControl("run");
    }

    /** The command line: python train.py …, or python -m torch.distributed.run --nproc-per-node N … train.py …. */
    List<String> command() {
        return TorchCommandLine.of(request, controlFile.path());
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("a run can be started once; it is " + state);
            }
            ProcessBuilder builder = new ProcessBuilder(command()).directory(request.packageFolder().toFile());
            builder.environment().put("TENSORLOOM_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            builder.environment().put("PYTHONUNBUFFERED", "1");
            try {
                process = builder.start();
            } catch (IOException e) {
                state = State.FAILED;
                throw new IllegalStateException("cannot start " + request.python() + ": " + e.getMessage(), e);
            }
            state = State.RUNNING;
            Process p = process;
            shutdownHook = new Thread(() -> killTree(p), "pytorch-engine-cleanup");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            Thread errors = new Thread(() -> errorTail.collect(p.getErrorStream()), "pytorch-engine-stderr");
            errors.setDaemon(true);
            errors.start();
            startWorker(() -> readEvents(p, errors), "pytorch-engine-events");
        }
    }

    @Override
    public void pause() {
        writeControl("pause");
    }

    @Override
    public void resume() {
        writeControl("run");
        synchronized (lock) {
            if (state == State.PAUSED) {
                state = State.RUNNING;
            }
        }
    }

    /** Asks the child to stop after its current step; kills it if it has not ended within a grace period. */
    @Override
    public void stop() {
        writeControl("stop");
        Process p;
        synchronized (lock) {
            p = process;
        }
        if (p == null) {
            return;
        }
        Thread killer = new Thread(() -> {
            try {
                if (!p.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    killTree(p);
                }
            } catch (InterruptedException e) {
                killTree(p);
            }
        }, "pytorch-engine-stop");
        killer.setDaemon(true);
        killer.start();
    }

    /** Ends the child and everything it started at once (the studio is closing). */
    public void kill() {
        Process p;
        synchronized (lock) {
            p = process;
        }
        if (p != null) {
            killTree(p);
        }
    }

    /** Sends the activations of this node from the next step on (null: none). */
    public void watch(String nodeId) {
        synchronized (lock) {
            watched = nodeId;
        }
        writeControl(null);
    }

    /** The failure, once the run failed, else null. */
    public RunFailure failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** The process id of the child (python or torchrun), for tests and diagnostics; -1 before start. */
    public long pid() {
        synchronized (lock) {
            return process == null ? -1 : process.pid();
        }
    }

    private void readEvents(Process p, Thread errors) {
        TorchEventParser parser = new TorchEventParser();
        RunFailure problem = null;
        TorchEvent.Finished finished = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                TorchEvent event;
                try {
                    event = parser.parse(line);
                } catch (TorchEventParser.ProtocolException e) {
                    problem = new RunFailure("the PyTorch engine sent a line the studio cannot read: " + e.getMessage(),
                            null, losses.size() + 1L, e);
                    killTree(p);
                    break;
                }
                rawEvents.accept(attributes.withNodeIds(event));
                if (event instanceof TorchEvent.Finished f) {
                    finished = f;
                } else if (event instanceof TorchEvent.Failed f) {
                    problem = new RunFailure(f.message(), f.node(), f.step(), null);
                } else {
                    dispatch(event);
                }
            }
        } catch (IOException e) {
            problem = new RunFailure("lost the PyTorch engine's output: " + e.getMessage(), null, losses.size() + 1L, e);
        }
        int exit = waitForExit(p);
        try {
            errors.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (problem == null && (finished == null || exit != 0)) {
            problem = new RunFailure("the PyTorch engine ended with exit code " + exit + (finished == null
                    ? " before finishing" : "") + errorTail.text(), null, losses.size() + 1L, null);
        }
        end(problem, finished);
    }

    private void dispatch(TorchEvent event) {
        if (event instanceof TorchEvent.Step s) {
            synchronized (lock) {
                losses.add(s.loss());
                if (state == State.PAUSED) {
                    state = State.RUNNING;
                }
            }
            listener.onStep(new StepMetrics(s.step(), s.loss(), s.learningRate(), s.examplesPerSecond()));
        } else if (event instanceof TorchEvent.Evaluation e) {
            synchronized (lock) {
                lastEvaluation = e.values();
            }
            listener.onEvaluation(new EvalMetrics(e.step(), e.values()));
        } else if (event instanceof TorchEvent.Paused) {
            synchronized (lock) {
                if (state == State.RUNNING) {
                    state = State.PAUSED;
                }
            }
        }
        // memory, activations and started go to the raw-event consumer only
    }

    private void end(RunFailure problem, TorchEvent.Finished finished) {
        synchronized (lock) {
            if (problem != null) {
                failure = problem;
                state = State.FAILED;
            } else {
                summary = new RunSummary(finished.steps(), finished.stopped(), losses,
                        finished.lastEvaluation().isEmpty() ? lastEvaluation : finished.lastEvaluation(),
                        finished.forwardEvaluations(), Math.round(finished.elapsedSeconds() * 1000));
                state = finished.stopped() ? State.STOPPED : State.FINISHED;
            }
            removeShutdownHook();
        }
        controlFile.delete();
        if (problem != null) {
            listener.onFailed(problem);
        } else {
            listener.onFinished(summary);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to remove
            }
            shutdownHook = null;
        }
    }

    private static int waitForExit(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(p);
            return -1;
        }
    }

    static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** The node id of an attribute in model.py. */
    public String nodeOf(String attribute) {
        return attributes.nodeOf(attribute);
    }

    /** Tells the child what to do next and which node to watch; a null wish keeps its state. */
    private void writeControl(String wish) {
        String node;
        synchronized (lock) {
            node = watched;
        }
        controlFile.write(wish, attributes.attributeOf(node));
    }
}
