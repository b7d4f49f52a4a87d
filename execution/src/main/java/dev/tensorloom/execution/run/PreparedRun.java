package dev.tensorloom.execution.run;

import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.BatchSource;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SessionConfig;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.doc.TrainingConfig;

/**
 * Everything a training session needs, compiled and opened from a project: the plan, freshly
 * initialised parameters, the data and the session settings. Close it to free the parameters.
 *
 * @param training the project's configuration with the run's overrides applied
 */
public record PreparedRun(Plan plan, ParameterStore store, BatchSource source, SessionConfig config,
        TrainingConfig training) implements AutoCloseable {

    /** A session over this run; start it to train. */
    public TrainingSession session(RunListener listener) {
        return new TrainingSession(plan, store, source, config, listener);
    }

    @Override
    public void close() {
        store.close();
    }
}
