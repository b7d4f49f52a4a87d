package dev.tensorloom.studio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.memory.MemorySample;
import dev.tensorloom.execution.measure.MemoryComparison;
import dev.tensorloom.execution.measure.PolicyMeasurement;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Formats a {@link MemoryComparison.Result} as a table or as JSON. */
final class MemoryReport {
    private static final double MIB = 1 << 20;
    /** What the measured peak is, and that it is a lower bound. */
    static final String MEASURED_NOTE = "measured: native heap above the step's start read by glibc mallinfo2() "
            + "between schedule actions, so a lower bound (a node's temporaries inside its forward or backward can "
            + "peak higher); n/a where mallinfo2 does not exist";

    private final String project;
    private final CheckpointPolicy policy;
    private final int batch;
    private final int steps;
    private final Plan plan;
    private final MemoryComparison.Result result;

    MemoryReport(String project, CheckpointPolicy policy, int batch, int steps, Plan plan, MemoryComparison.Result result) {
        this.project = project;
        this.policy = policy;
        this.batch = batch;
        this.steps = steps;
        this.plan = plan;
        this.result = result;
    }

    /** Measured bytes the policy saved against {@code none}, if measurable. */
    OptionalLong savedMeasuredBytes() {
        OptionalLong none = result.baseline().peakMeasuredBytes();
        OptionalLong chosen = result.policy().peakMeasuredBytes();
        return none.isPresent() && chosen.isPresent() ? OptionalLong.of(none.getAsLong() - chosen.getAsLong())
                : OptionalLong.empty();
    }

    void print(PrintWriter out) {
        PolicyMeasurement none = result.baseline();
        PolicyMeasurement chosen = result.policy();
        out.printf(Locale.ROOT, "memory of %s: none vs %s (batch %d, on the CPU, median of %d steps)%n", project, policy,
                batch, steps);
        out.printf(Locale.ROOT, "%-30s %14s %14s %8s%n", "", "none", policy.toString(), "ratio");
        out.printf(Locale.ROOT, "%-30s %14s %14s %8s%n", "peak measured (MiB) *", mib(none.peakMeasuredBytes()),
                mib(chosen.peakMeasuredBytes()), ratio(result.measuredRatio()));
        out.printf(Locale.ROOT, "%-30s %14.1f %14.1f %8.3f%n", "peak ledger (MiB, exact)", none.peakLedgerBytes() / MIB,
                chosen.peakLedgerBytes() / MIB, result.ledgerRatio());
        out.printf(Locale.ROOT, "%-30s %14.1f %14.1f %8.3f%n", "step time (ms, wall clock)", none.medianStepNanos() / 1e6,
                chosen.medianStepNanos() / 1e6, result.timeRatio());
        out.printf(Locale.ROOT, "%-30s %14d %14d%n", "forward evaluations", none.forwardEvaluations(),
                chosen.forwardEvaluations());
        out.printf(Locale.ROOT, "%-30s %14d %14d%n", "recomputations", none.recomputations(), chosen.recomputations());
        out.printf(Locale.ROOT, "* %s%n", MEASURED_NOTE);
        out.printf(Locale.ROOT, "plan (predicted before the run): peak of saved activations %.1f MiB (none %.1f MiB), "
                + "%d recomputed node forwards taking %.1f ms per step (%.0f%% of the forward pass)%s%n",
                chosen.schedule().plan().peakBytes() / MIB, none.schedule().plan().peakBytes() / MIB,
                chosen.schedule().plan().recomputeCount(), chosen.schedule().plan().extraNanos() / 1e6,
                100.0 * chosen.schedule().plan().extraNanos() / Math.max(1, forwardNanos()),
                policy.kind() == CheckpointPolicy.Kind.BUDGET ? "; budget:MB chose the plan with the least "
                        + "recomputation time within " + policy.argument() + " MiB" : "");
        out.printf(Locale.ROOT, "saved measured bytes: %s%n",
                savedMeasuredBytes().isPresent() ? String.valueOf(savedMeasuredBytes().getAsLong()) : "not measurable");
        out.printf(Locale.ROOT, "%n%-28s %12s %11s %10s%n", "node", "saved (KiB)", "treatment", "recomputes");
        for (Step step : plan.steps()) {
            if (step.isSource()) {
                continue;
            }
            out.printf(Locale.ROOT, "%-28s %12.1f %11s %10d%n", step.nodeId(),
                    result.profile().savedBytes(step.index()) / 1024.0,
                    chosen.schedule().treatment(step.index()).name().toLowerCase(Locale.ROOT),
                    chosen.recomputeCounts().getOrDefault(step.nodeId(), 0));
        }
    }

    /** The profiled forward time of one step, every node once. */
    private long forwardNanos() {
        long sum = 0;
        for (Step step : plan.steps()) {
            if (!step.isSource()) {
                sum += result.profile().forwardNanos(step.index());
            }
        }
        return sum;
    }

    String json() throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("project", project);
        root.put("policy", policy.toString());
        root.put("batch", batch);
        root.put("steps", steps);
        root.put("measurable", result.profile().measured());
        root.put("device", "cpu()");
        root.put("measuredBasis", MEASURED_NOTE);
        measurement(root.putObject("none"), result.baseline());
        measurement(root.putObject("checkpointed"), result.policy());
        ObjectNode ratios = root.putObject("ratios");
        ratios.put("time", result.timeRatio());
        ratios.put("ledger", result.ledgerRatio());
        OptionalDouble measured = result.measuredRatio();
        if (measured.isPresent()) {
            ratios.put("measured", measured.getAsDouble());
        } else {
            ratios.putNull("measured");
        }
        putOptional(root, "savedMeasuredBytes", savedMeasuredBytes());
        ArrayNode nodes = root.putArray("nodes");
        for (Step step : plan.steps()) {
            if (step.isSource()) {
                continue;
            }
            ObjectNode n = nodes.addObject();
            n.put("id", step.nodeId());
            n.put("savedBytes", result.profile().savedBytes(step.index()));
            n.put("outputBytes", result.profile().outputBytes(step.index()));
            n.put("treatment", result.policy().schedule().treatment(step.index()).name().toLowerCase(Locale.ROOT));
            n.put("kept", !result.policy().schedule().treatment(step.index()).name().equals("DROPPED"));
            n.put("plannedRecomputes", result.policy().schedule().predictedRecomputations(step.index()));
            n.put("recomputes", result.policy().recomputeCounts().getOrDefault(step.nodeId(), 0));
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void measurement(ObjectNode o, PolicyMeasurement m) {
        putOptional(o, "peakMeasuredBytes", m.peakMeasuredBytes());
        o.put("peakLedgerBytes", m.peakLedgerBytes());
        o.put("medianStepNanos", m.medianStepNanos());
        ArrayNode times = o.putArray("stepNanos");
        m.stepNanos().forEach(times::add);
        o.put("forwardEvaluations", m.forwardEvaluations());
        o.put("recomputations", m.recomputations());
        o.put("predictedForwardEvaluations", m.schedule().predictedForwardEvaluations());
        o.put("predictedPeakBytes", m.schedule().plan().peakBytes());
        o.put("predictedRecomputeNanos", m.schedule().plan().extraNanos());
        ArrayNode timeline = o.putArray("timeline");
        for (MemorySample s : m.samples()) {
            ObjectNode t = timeline.addObject();
            t.put("sequence", s.sequence());
            t.put("phase", s.phase().name());
            t.put("node", s.nodeId());
            t.put("ledger", s.ledgerBytes());
            putOptional(t, "measured", s.measuredBytes());
        }
    }

    private static void putOptional(ObjectNode o, String field, OptionalLong value) {
        if (value.isPresent()) {
            o.put(field, value.getAsLong());
        } else {
            o.putNull(field);
        }
    }

    private static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.1f", bytes.getAsLong() / MIB) : "n/a";
    }

    private static String ratio(OptionalDouble r) {
        return r.isPresent() ? String.format(Locale.ROOT, "%.3f", r.getAsDouble()) : "n/a";
    }
}
