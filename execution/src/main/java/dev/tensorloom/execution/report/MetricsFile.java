package dev.tensorloom.execution.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.model.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The metrics file of a training run ({@code train --metrics-out}), the one place its JSON is written.
 * Keys, all engines alike: {@code project}, {@code device}, {@code steps} (finished), {@code stepsPlanned},
 * {@code batchSize}, {@code checkpointPolicy}, {@code seed}, {@code elapsedSeconds},
 * {@code examplesPerSecondWallClock} (mean wall-clock speed after the first step), {@code torchThreads},
 * {@code forwardEvaluations}, {@code parameters}, {@code interrupted} and, when true, {@code interruption}
 * ({@code reason}, {@code step}: the last finished step, {@code message}); {@code resumedFrom} for a resumed
 * run, {@code divergence} when the loss ran away; then the curves {@code loss} and {@code learningRate}
 * (one value per finished step), {@code finalEvaluation} (the last held-out evaluation: {@code examples},
 * {@code headline}, every value and their {@code ci95} intervals, see {@link EvaluationJson}) and
 * {@code evaluations} (each with its {@code step}). New keys may be added; existing ones keep
 * their names and meaning.
 */
public final class MetricsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsFile() {
    }

    /** The file's JSON text; {@code summary} may be null (a run that failed before its session summed up). */
    public static String json(RunFacts facts, RunRecord record, RunSummary summary, RunEnding ending) {
        ObjectNode root = JSON.createObjectNode();
        root.put("project", facts.project());
        root.put("device", facts.device());
        root.put("steps", record.steps());
        root.put("stepsPlanned", facts.stepsPlanned());
        root.put("batchSize", facts.batchSize());
        root.put("checkpointPolicy", facts.checkpointPolicy());
        root.put("seed", facts.seed());
        root.put("elapsedSeconds", summary == null ? 0 : summary.elapsedMillis() / 1000.0);
        // wall clock, not CPU time: what a user waits for, with the threads libtorch computed on
        root.put("examplesPerSecondWallClock", record.meanExamplesPerSecond());
        root.put("torchThreads", facts.torchThreads());
        root.put("forwardEvaluations", summary == null ? 0 : summary.forwardEvaluations());
        root.put("parameters", facts.parameters());
        root.put("interrupted", ending.interrupted());
        if (ending.interrupted()) {
            ObjectNode why = root.putObject("interruption");
            why.put("reason", ending.reason());
            why.put("step", record.steps());
            if (ending.message() != null) {
                why.put("message", ending.message());
            }
        }
        if (record.resumedFrom() > 0) {
            root.put("resumedFrom", record.resumedFrom());
        }
        putDivergence(root, record.divergence());
        RunHistory history = record.history();
        ArrayNode losses = root.putArray("loss");
        history.losses().forEach(losses::add);
        ArrayNode rates = root.putArray("learningRate");
        history.learningRates().forEach(rates::add);
        EvaluationJson.put(root.putObject("finalEvaluation"), record.lastEvaluation());
        ArrayNode evals = root.putArray("evaluations");
        for (EvalMetrics e : history.evaluations()) {
            ObjectNode n = evals.addObject();
            n.put("step", e.step());
            EvaluationJson.put(n, e);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the metrics", e);
        }
    }

    /** Writes the file atomically (the folder must exist). */
    public static void write(Path file, RunFacts facts, RunRecord record, RunSummary summary, RunEnding ending)
            throws IOException {
        AtomicFile.write(file, json(facts, record, summary, ending).getBytes(StandardCharsets.UTF_8));
    }

    /** Adds {@code "divergence": {step, loss, best, bestStep}} when there was one (the saved-run file uses it too). */
    public static void putDivergence(ObjectNode into, Divergence d) {
        if (d != null) {
            ObjectNode div = into.putObject("divergence");
            div.put("step", d.step());
            div.put("loss", d.loss());
            div.put("best", d.best());
            div.put("bestStep", d.bestStep());
        }
    }
}
