package dev.tensorloom.studio.run;

import dev.tensorloom.execution.session.TrainingRun;

/**
 * A {@link RunLauncher.RunHandle} over an engine's {@link TrainingRun}: start, pause, resume and stop go
 * straight to the run; each launcher says how its run is released (and its weights saved).
 */
abstract class SessionHandle implements RunLauncher.RunHandle {
    private final TrainingRun session;
    private final int steps;

    SessionHandle(TrainingRun session, int steps) {
        this.session = session;
        this.steps = steps;
    }

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
        return steps;
    }
}
