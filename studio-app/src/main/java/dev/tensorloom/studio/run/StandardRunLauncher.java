package dev.tensorloom.studio.run;

import dev.tensorloom.execution.export.PackageWeights;
import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.execution.session.TrainingState;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.studio.task.BackgroundPriority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * Runs through {@link RunSetup#standard()}, exactly as {@code tensorloom train} does, on a training thread
 * of lowered priority ({@link BackgroundPriority}) so the window stays smooth while it trains flat out.
 */
public final class StandardRunLauncher implements RunLauncher {
    private final RunSetup setup;
    private final RunOptions options;
    private final boolean lowPriority;

    public StandardRunLauncher() {
        this(RunSetup.standard(), RunOptions.PROJECT);
    }

    /** With overrides (the screenshot and benchmark use fewer steps or a smaller batch). */
    public StandardRunLauncher(RunSetup setup, RunOptions options) {
        this(setup, options, true);
    }

    /** @param lowPriority whether the training thread steps back for the UI (the benchmark compares both) */
    public StandardRunLauncher(RunSetup setup, RunOptions options, boolean lowPriority) {
        this.setup = setup;
        this.options = options;
        this.lowPriority = lowPriority;
    }

    @Override
    public RunHandle prepare(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener) {
        return handle(document, dataFolder, snapshots, listener, null, null);
    }

    @Override
    public RunHandle prepareFrom(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener,
            Path weights) {
        return handle(document, dataFolder, snapshots, listener, null, weights);
    }

    @Override
    public RunHandle resume(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener,
            TrainingState state) {
        return handle(document, dataFolder, snapshots, listener, state, null);
    }

    private RunHandle handle(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener,
            TrainingState from, Path weights) {
        PreparedRun base = setup.prepare(document, dataFolder == null ? options : options.withDataFolder(dataFolder));
        PreparedRun run = new PreparedRun(base.plan(), base.store(), base.source(),
                base.config().withSnapshots(snapshots), base.training());
        if (weights != null) {
            loadWeights(run, weights);
        }
        TrainingSession session = run.session(listener);
        // A stopped run can be resumed: the state of its last step is kept (host copies, taken once at the end).
        session.keepFinalState();
        if (from != null) {
            session.resumeFrom(from);
        }
        return new SessionHandle(session, run.config().steps()) {
            @Override
            public void start() {
                if (lowPriority) {
                    startLowered(session);
                } else {
                    super.start();
                }
            }

            @Override
            public TrainingState finalState() {
                return session.finalState();
            }

            @Override
            public void release() {
                release(null);
            }

            @Override
            public void release(Consumer<TrainedWeights> saved) {
                // The listener hears the end from inside the training thread, which still uses the
                // parameters; save and close them only after that thread is gone.
                Thread closer = new Thread(() -> {
                    try {
                        session.awaitTermination(1, TimeUnit.HOURS);
                        if (saved != null) {
                            save(run, session, saved);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        run.close();
                    }
                }, "tensorloom-run-release");
                closer.setDaemon(true);
                closer.start();
            }
        };
    }

    /** As {@code tensorloom train --weights}: the folder's weights replace the seed's initial ones before step 1. */
    private static void loadWeights(PreparedRun run, Path folder) {
        try {
            PackageWeights.loadIntoRun(run, folder);
        } catch (IOException e) {
            run.close();
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** Writes the parameters a run trained (at least one step) where an export can read them. */
    private static void save(PreparedRun run, TrainingSession session, Consumer<TrainedWeights> saved) {
        if (session.summary() == null || session.summary().steps() < 1) {
            return;
        }
        try {
            Path folder = TrainedWeightsFolders.next();
            PackageWeights.write(run.store(), run.plan(), folder.resolve(PackageWeights.FILE_NAME));
            saved.accept(new TrainedWeights(folder, session.summary().steps(), "DJL"));
        } catch (IOException | RuntimeException e) {
            // Without saved weights an export starts from the initial ones, and says so.
            System.getLogger(StandardRunLauncher.class.getName()).log(System.Logger.Level.WARNING,
                    "could not save the trained weights: " + e.getMessage());
        }
    }

    /**
     * Starts the session from a short-lived thread that first lowers its own priority: the training thread
     * and libtorch's worker threads inherit it from their creator, which no later call could change for them.
     */
    private static void startLowered(TrainingSession session) {
        RuntimeException[] failure = new RuntimeException[1];
        Thread starter = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            try {
                session.start();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "tensorloom-run-starter");
        starter.start();
        try {
            // Starting a thread takes well under a millisecond; waiting keeps start() synchronous for callers.
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
