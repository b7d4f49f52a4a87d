package dev.tensorloom.execution.resume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.report.MetricsFile;
import dev.tensorloom.execution.report.RunHistory;
import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.TrainingState;
import dev.tensorloom.execution.train.Estimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved run as a resumed one needs it: the {@link TrainingState}, the {@link RunIdentity} it must match,
 * and the {@link RunHistory} its metrics continue. Kept in {@link TrainingStateFile}'s {@code run} object.
 */
public record SavedRun(TrainingState state, RunIdentity identity, RunHistory history) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes {@code directory/training-state.bin} atomically. */
    public void save(Path directory) throws IOException {
        TrainingStateFile.save(directory, state, run());
    }

    /** Reads the state saved in {@code directory}; see {@link TrainingStateFile#load}. */
    public static SavedRun load(Path directory) throws IOException {
        TrainingStateFile.Saved saved = TrainingStateFile.load(directory);
        JsonNode run = saved.run();
        Map<String, String> settings = new LinkedHashMap<>();
        run.path("identity").path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(),
                e.getValue().asText()));
        RunIdentity identity = new RunIdentity(run.path("identity").path("graph").asText(), settings);
        return new SavedRun(saved.state(), identity, history(run.path("history")));
    }

    private ObjectNode run() {
        ObjectNode run = JSON.createObjectNode();
        ObjectNode id = run.putObject("identity");
        id.put("graph", identity.graph());
        ObjectNode settings = id.putObject("settings");
        identity.settings().forEach(settings::put);
        ObjectNode h = run.putObject("history");
        ArrayNode losses = h.putArray("losses");
        history.losses().forEach(losses::add);
        ArrayNode rates = h.putArray("learningRates");
        history.learningRates().forEach(rates::add);
        ArrayNode evals = h.putArray("evaluations");
        for (EvalMetrics e : history.evaluations()) {
            ObjectNode n = evals.addObject();
            n.put("step", e.step());
            ObjectNode values = n.putObject("values");
            e.values().forEach(values::put);
            // Kept so a resumed run's metrics file still gives the earlier evaluations' intervals.
            n.put("examples", e.examples());
            ObjectNode estimates = n.putObject("estimates");
            e.estimates().forEach((name, est) -> {
                ObjectNode x = estimates.putObject(name);
                x.put("value", est.value());
                x.put("low95", est.low95());
                x.put("high95", est.high95());
                x.put("examples", est.examples());
            });
        }
        h.put("throughputSum", history.throughputSum());
        h.put("throughputCount", history.throughputCount());
        MetricsFile.putDivergence(h, history.divergence());
        return run;
    }

    private static RunHistory history(JsonNode h) {
        List<Double> losses = doubles(h.path("losses"));
        List<Double> rates = doubles(h.path("learningRates"));
        List<EvalMetrics> evals = new ArrayList<>();
        for (JsonNode n : h.path("evaluations")) {
            Map<String, Double> values = new LinkedHashMap<>();
            n.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
            Map<String, Estimate> estimates = new LinkedHashMap<>();
            n.path("estimates").fields().forEachRemaining(e -> estimates.put(e.getKey(), new Estimate(
                    e.getValue().path("value").asDouble(), e.getValue().path("low95").asDouble(),
                    e.getValue().path("high95").asDouble(), e.getValue().path("examples").asLong())));
            evals.add(new EvalMetrics(n.path("step").asLong(), values, estimates, n.path("examples").asLong()));
        }
        JsonNode d = h.path("divergence");
        Divergence divergence = d.isObject() ? new Divergence(d.path("step").asLong(), d.path("loss").asDouble(),
                d.path("best").asDouble(), d.path("bestStep").asLong()) : null;
        return new RunHistory(losses, rates, evals, h.path("throughputSum").asDouble(),
                h.path("throughputCount").asLong(), divergence);
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        return out;
    }
}
