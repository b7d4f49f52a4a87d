package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.WeightsFile;
import dev.tensorloom.execution.export.PackageWeights;
import dev.tensorloom.execution.report.MetricsFile;
import dev.tensorloom.execution.report.RunEnding;
import dev.tensorloom.execution.report.RunFacts;
import dev.tensorloom.execution.report.RunRecord;
import dev.tensorloom.execution.resume.RunIdentity;
import dev.tensorloom.execution.resume.SavedRun;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.TrainingState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code train} writes: the metrics file ({@code --metrics-out}) and, in the save folder
 * ({@code --save}), the weights (the studio's {@code params.bin} and PyTorch's {@code weights.safetensors})
 * and the training state a later {@code --resume} continues from. Written at
 * every periodic save and once at the end, however the run ended. A write that fails at the end never
 * loses the run: the file goes to a rescue folder in the system's temporary directory instead, and the
 * command says where.
 */
final class RunOutputs {
    static final String METRICS_RESCUE_NAME = "metrics.json";

    private final Path metricsOut;
    private final Path saveDir;
    private final RunFacts facts;
    private final RunIdentity identity;
    private final Plan plan;
    private final PrintWriter err;
    private Path rescueDir;
    private boolean rescued;

    /** @param metricsOut or null; @param saveDir or null */
    RunOutputs(Path metricsOut, Path saveDir, RunFacts facts, RunIdentity identity, Plan plan, PrintWriter err) {
        this.metricsOut = metricsOut;
        this.saveDir = saveDir;
        this.facts = facts;
        this.identity = identity;
        this.plan = plan;
        this.err = err;
    }

    /**
     * A periodic save, on the training thread between two steps: the weights and state of the step just
     * finished, and the metrics so far (marked as written while the run went on, in case it never ends).
     */
    void periodic(TrainingState state, ParameterStore store, RunRecord record) throws IOException {
        if (saveDir != null) {
            save(saveDir, state, store, record);
        }
        if (metricsOut != null) {
            MetricsFile.write(metricsOut, facts.withParameters(store.parameterCount()), record, null,
                    RunEnding.interrupted("in-progress", "written at a periodic save; the run was still training"));
        }
    }

    /**
     * The end of the run: the weights and state of the last finished step (when {@code state} is not null,
     * i.e. the weights are whole) and the metrics.
     *
     * @return false when something had to go to the rescue folder
     */
    boolean finish(RunEnding ending, RunRecord record, RunSummary summary, TrainingState state, ParameterStore store) {
        RunFacts counted = facts.withParameters(store.parameterCount());
        if (saveDir != null) {
            if (state == null) {
                err.println("tensorloom: the weights were not saved: the run failed inside a parameter update, so"
                        + " they are neither the last step's nor the next's");
            } else {
                try {
                    save(saveDir, state, store, record);
                    err.println("saved weights and training state (step " + state.step() + ") to " + saveDir);
                } catch (IOException | RuntimeException e) {
                    rescue("--save", saveDir, e, dir -> save(dir, state, store, record));
                }
            }
        }
        if (metricsOut != null) {
            try {
                MetricsFile.write(metricsOut, counted, record, summary, ending);
            } catch (IOException | RuntimeException e) {
                rescue("--metrics-out", metricsOut, e,
                        dir -> MetricsFile.write(dir.resolve(METRICS_RESCUE_NAME), counted, record, summary, ending));
            }
        }
        return !rescued;
    }

    private void save(Path dir, TrainingState state, ParameterStore store, RunRecord record) throws IOException {
        WeightsFile.save(store, dir);
        // The same weights by PyTorch's state_dict names, for --weights, the export and an exported train.py.
        PackageWeights.write(store, plan, dir.resolve(PackageWeights.FILE_NAME));
        new SavedRun(state, identity, record.history()).save(dir);
    }

    /** Writes into the rescue folder instead and says so; if even that fails, says what was lost. */
    private void rescue(String option, Path wanted, Exception why, Writer writer) {
        rescued = true;
        try {
            if (rescueDir == null) {
                rescueDir = Files.createTempDirectory("tensorloom-rescue-");
            }
            writer.writeInto(rescueDir);
            err.println("tensorloom: could not write " + option + " " + wanted + " (" + reason(why) + "); it is in "
                    + rescueDir + " instead");
        } catch (IOException | RuntimeException e) {
            err.println("tensorloom: could not write " + option + " " + wanted + " (" + reason(why)
                    + "), nor a rescue copy (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writes one output into a folder. */
    @FunctionalInterface
    private interface Writer {
        void writeInto(Path dir) throws IOException;
    }
}
