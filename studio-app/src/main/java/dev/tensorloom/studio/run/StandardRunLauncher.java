package dev.tensorloom.studio.run;

import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.doc.Document;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs through {@link RunSetup#standard()}, exactly as {@code tensorloom train} does. */
public final class StandardRunLauncher implements RunLauncher {
    private final RunSetup setup;
    private final RunOptions options;

    public StandardRunLauncher() {
        this(RunSetup.standard(), RunOptions.PROJECT);
    }

    /** With overrides (the screenshot and benchmark use fewer steps or a smaller batch). */
    public StandardRunLauncher(RunSetup setup, RunOptions options) {
        this.setup = setup;
        this.options = options;
    }

    @Override
    public RunHandle prepare(Document document, SnapshotPolicy snapshots, RunListener listener) {
        return prepare(document, null, snapshots, listener);
    }

    @Override
    public RunHandle prepare(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener) {
        PreparedRun base = setup.prepare(document, dataFolder == null ? options : options.withDataFolder(dataFolder));
        PreparedRun run = new PreparedRun(base.plan(), base.store(), base.source(),
                base.config().withSnapshots(snapshots), base.training());
        TrainingSession session = run.session(listener);
        return new RunHandle() {
            @Override
            public void start() {
                session.start();
            }

            @Override
            public void pause() {
                session.pause();
            }

            @Override
            public void resume() {
                session.resume();
            }

            @Override
            public void stop() {
                session.stop();
            }

            @Override
            public int totalSteps() {
                return run.config().steps();
            }

            @Override
            public void release() {
                // The listener hears the end from inside the training thread, which still uses the
                // parameters; close them only after that thread is gone.
                Thread closer = new Thread(() -> {
                    try {
                        session.awaitTermination(1, TimeUnit.HOURS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    run.close();
                }, "tensorloom-run-release");
                closer.setDaemon(true);
                closer.start();
            }
        };
    }
}
