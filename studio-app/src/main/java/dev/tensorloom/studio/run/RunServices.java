package dev.tensorloom.studio.run;

import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.studio.memory.MemoryAnalyzer;
import dev.tensorloom.studio.memory.StandardMemoryAnalyzer;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.util.OptionalInt;

/**
 * What the run panel, activation view and memory view use to train and measure: the studio uses the
 * standard ones; the screenshot command and tests use shorter runs and smaller batches.
 */
public record RunServices(RunLauncher launcher, MemoryAnalyzer analyzer, UpdateThrottle throttle, RunOptions options) {

    /** With the project's own settings for the PyTorch engine. */
    public RunServices(RunLauncher launcher, MemoryAnalyzer analyzer, UpdateThrottle throttle) {
        this(launcher, analyzer, throttle, RunOptions.PROJECT);
    }

    /** The project's own settings, training at lowered priority, updates throttled onto the FX thread. */
    public static RunServices standard(BlockCatalog catalog) {
        return new RunServices(new StandardRunLauncher(), new StandardMemoryAnalyzer(catalog, OptionalInt.empty()),
                UpdateThrottle.fx());
    }

    /**
     * Runs of {@code steps} steps and a batch of {@code batch} for training and measuring (on either engine), at
     * normal priority: the screenshot and tests have no user at the window to yield to.
     */
    public static RunServices reduced(BlockCatalog catalog, int steps, int batch) {
        RunOptions options = RunOptions.PROJECT.withSteps(steps).withBatchSize(batch);
        return new RunServices(new StandardRunLauncher(RunSetup.standard(), options, false),
                new StandardMemoryAnalyzer(catalog, OptionalInt.of(batch)), UpdateThrottle.fx(), options);
    }
}
