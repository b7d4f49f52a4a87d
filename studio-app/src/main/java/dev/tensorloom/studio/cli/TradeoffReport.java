package dev.tensorloom.studio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.checkpoint.TradeoffPoint;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Formats {@code tensorloom memory --pareto}: every policy's predicted peak and step time, frontier marked. */
final class TradeoffReport {
    private static final double MIB = 1 << 20;

    private final String project;
    private final int batch;
    private final int steps;
    private final TradeoffRun run;

    TradeoffReport(String project, int batch, int steps, TradeoffRun run) {
        this.project = project;
        this.batch = batch;
        this.steps = steps;
        this.run = run;
    }

    /** Points from the least predicted peak to the most (ties: the faster first). */
    private List<TradeoffPoint> sorted() {
        return run.tradeoff().points().stream().sorted(Comparator.comparingLong(TradeoffPoint::peakBytes)
                .thenComparingLong(TradeoffPoint::stepNanos)).toList();
    }

    void print(PrintWriter out) {
        List<TradeoffPoint> points = sorted();
        out.printf(Locale.ROOT, "checkpoint trade-off of %s (batch %d): %d policies, %d on the frontier (*)%n", project,
                batch, points.size(), run.tradeoff().frontier().size());
        out.printf(Locale.ROOT, "peak: saved activations predicted on the measured per-node profile (%s)%n",
                run.profile().measured() ? "native memory" : "output bytes only, a lower bound");
        out.printf(Locale.ROOT, "step time: none's median wall-clock step (%.1f ms, forward pass %.1f ms, over %d "
                + "steps) + the recomputed forwards%n", run.noneStepNanos() / 1e6, run.noneForwardNanos() / 1e6, steps);
        out.printf(Locale.ROOT, "%-14s %14s %12s %8s %11s %9s%n", "policy", "peak (MiB)", "step (ms)", "x none",
                "recomputes", "frontier");
        for (TradeoffPoint p : points) {
            out.printf(Locale.ROOT, "%-14s %14.1f %12.1f %8.3f %11d %9s%n", p.policy(), p.peakBytes() / MIB,
                    p.stepNanos() / 1e6, p.timeRatio(run.noneStepNanos()), p.recomputeCount(),
                    p.onFrontier() ? "*" : "");
        }
    }

    String json() throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("project", project);
        root.put("batch", batch);
        root.put("steps", steps);
        root.put("measurable", run.profile().measured());
        root.put("noneStepNanos", run.noneStepNanos());
        root.put("noneForwardNanos", run.noneForwardNanos());
        ArrayNode points = root.putArray("points");
        for (TradeoffPoint p : sorted()) {
            ObjectNode o = points.addObject();
            o.put("policy", p.policy().toString());
            o.put("predictedPeakBytes", p.peakBytes());
            o.put("predictedStepNanos", p.stepNanos());
            o.put("predictedTimeRatio", p.timeRatio(run.noneStepNanos()));
            o.put("recomputations", p.recomputeCount());
            o.put("onFrontier", p.onFrontier());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
