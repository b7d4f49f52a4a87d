package dev.tensorloom.studio.run;

import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.TrainingState;
import dev.tensorloom.model.doc.Document;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Turns a copy of the project into a training run. Called on a background thread (compiling and
 * opening data take time); the studio uses {@link StandardRunLauncher}, view-model tests a fake.
 */
@FunctionalInterface
public interface RunLauncher {
    /**
     * Prepares a run of {@code document} (a private copy) reporting to {@code listener} on its training
     * thread; it starts when the handle is started. Relative user-data paths start at {@code dataFolder}
     * (the project file's folder; null for the working directory).
     */
    RunHandle prepare(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener);

    /**
     * As {@link #prepare}, but the run starts from the weights in {@code weights} (a folder written by
     * {@code train.py --save}, {@code tensorloom train --save} or an export) instead of the seed's initial
     * ones; a folder that holds no weights, or weights of another model, fails with a message naming the file.
     */
    default RunHandle prepareFrom(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener,
            Path weights) {
        throw new UnsupportedOperationException("this engine cannot start from saved weights");
    }

    /**
     * As {@link #prepare}, but the run continues from {@code state} (a run that was stopped) instead of
     * starting afresh; the caller has checked that {@code document} is the project that run trained.
     */
    default RunHandle resume(Document document, Path dataFolder, SnapshotPolicy snapshots, RunListener listener,
            TrainingState state) {
        throw new UnsupportedOperationException("this launcher cannot resume a run");
    }

    /** Controls one prepared run. */
    interface RunHandle {
        void start();

        void pause();

        void resume();

        void stop();

        /** Steps the run will train when not stopped. */
        int totalSteps();

        /** Frees the run's parameters once its thread has ended (does not wait). */
        void release();

        /** Once the run has ended: the state after its last finished step, to resume from; null when none. */
        default TrainingState finalState() {
            return null;
        }

        /**
         * Like {@link #release()}, but first saves the trained weights ({@code weights.safetensors}) and calls
         * {@code saved} with their folder, on a background thread; not at all when none could be saved.
         */
        default void release(Consumer<TrainedWeights> saved) {
            release();
        }
    }
}
