package dev.tensorloom.studio.run;

import java.util.function.Consumer;

/**
 * Which engine trains the next run, decided when it starts: the Run tab's engine picker answers with the DJL
 * launcher at once, or with a PyTorch launcher once Python is found (which may first offer its setup).
 */
public interface LauncherChoice {
    /** Calls {@code ready} with the launcher, or {@code unavailable} with why there is none; on the UI thread. */
    void choose(Consumer<RunLauncher> ready, Consumer<String> unavailable);

    /** The engine in a few words for the run's log ("DJL", "PyTorch on cpu, 2 processes"). */
    String describe();

    /** Always the same launcher (the studio's DJL engine, tests' fakes). */
    static LauncherChoice always(RunLauncher launcher) {
        return new LauncherChoice() {
            @Override
            public void choose(Consumer<RunLauncher> ready, Consumer<String> unavailable) {
                ready.accept(launcher);
            }

            @Override
            public String describe() {
                return "DJL";
            }
        };
    }
}
