package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tensorloom memory} on a small residual chain trained on the regression-chain dataset. */
class MemoryCommandTest {
    private static final int BLOCKS = 4;

    @TempDir
    Path dir;

    /** x → BLOCKS residual blocks (layernorm → linear 16 → relu → linear 16, plus skip) → mse(y). */
    private Path project() throws Exception {
        StringBuilder nodes = new StringBuilder("""
                "x": {"type": "input", "params": {"field": "x", "shape": "[B, 16]", "dtype": "float32"}},
                "y": {"type": "input", "params": {"field": "y", "shape": "[B, 16]", "dtype": "float32"}},
                "loss": {"type": "mse", "params": {}}""");
        StringBuilder wires = new StringBuilder();
        String previous = "x.out";
        int w = 0;
        for (int i = 1; i <= BLOCKS; i++) {
            String b = "b" + i + "_";
            nodes.append(",\n\"").append(b).append("norm\": {\"type\": \"layernorm\", \"params\": {}}")
                    .append(",\n\"").append(b).append("fc1\": {\"type\": \"linear\", \"params\": {\"out_features\": 16}}")
                    .append(",\n\"").append(b).append("relu\": {\"type\": \"relu\", \"params\": {}}")
                    .append(",\n\"").append(b).append("fc2\": {\"type\": \"linear\", \"params\": {\"out_features\": 16}}")
                    .append(",\n\"").append(b).append("add\": {\"type\": \"add\", \"params\": {}}");
            String[][] links = {{previous, b + "norm.in"}, {b + "norm.out", b + "fc1.in"}, {b + "fc1.out", b + "relu.in"},
                {b + "relu.out", b + "fc2.in"}, {previous, b + "add.a"}, {b + "fc2.out", b + "add.b"}};
            for (String[] l : links) {
                wires.append(w == 0 ? "" : ",\n").append("\"w").append(++w).append("\": {\"from\": \"").append(l[0])
                        .append("\", \"to\": \"").append(l[1]).append("\"}");
            }
            previous = b + "add.out";
        }
        wires.append(",\n\"w").append(++w).append("\": {\"from\": \"").append(previous).append("\", \"to\": \"loss.pred\"}");
        wires.append(",\n\"w").append(++w).append("\": {\"from\": \"y.out\", \"to\": \"loss.target\"}");
        String json = "{\"formatVersion\": 2, \"name\": \"small-chain\", \"graph\": {\"nodes\": {" + nodes
                + "}, \"wires\": {" + wires + "}}, \"training\": {\"dataset\": \"regression-chain?features=16&hidden=16\","
                + " \"batchSize\": 8, \"seed\": 3}}";
        Path file = dir.resolve("small.tlm");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void jsonReportsBothPoliciesRatiosNodesAndTimelines() throws Exception {
        CliRun run = CliRun.of("memory", project().toString(), "--checkpoint", "revolve:2", "--steps", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("revolve:2", root.get("policy").asText());
        JsonNode none = root.get("none");
        JsonNode chosen = root.get("checkpointed");
        int layers = BLOCKS * 5 + 1;
        assertEquals(layers, none.get("forwardEvaluations").asInt());
        assertEquals(0, none.get("recomputations").asInt());
        assertEquals(chosen.get("predictedForwardEvaluations").asInt(), chosen.get("forwardEvaluations").asInt());
        assertTrue(chosen.get("recomputations").asInt() > 0);
        assertTrue(chosen.get("peakLedgerBytes").asLong() < none.get("peakLedgerBytes").asLong());
        assertEquals(chosen.get("peakLedgerBytes").asDouble() / none.get("peakLedgerBytes").asDouble(),
                root.get("ratios").get("ledger").asDouble(), 1e-12);
        assertEquals(layers, root.get("nodes").size());
        int recomputes = 0;
        for (JsonNode n : root.get("nodes")) {
            assertEquals(n.get("plannedRecomputes").asInt(), n.get("recomputes").asInt(), n.get("id").asText());
            recomputes += n.get("recomputes").asInt();
        }
        assertEquals(chosen.get("recomputations").asInt(), recomputes);
        JsonNode timeline = chosen.get("timeline");
        assertTrue(timeline.size() > layers);
        for (int i = 0; i < timeline.size(); i++) {
            JsonNode s = timeline.get(i);
            assertEquals(i, s.get("sequence").asInt());
            assertTrue(s.has("phase") && s.has("node") && s.has("ledger") && s.has("measured"));
            assertEquals(root.get("measurable").asBoolean(), !s.get("measured").isNull());
        }
    }

    @Test
    void textReportHasTheTableAndTheRatios() throws Exception {
        CliRun run = CliRun.of("memory", project().toString(), "--steps", "1", "--batch", "4");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("none vs sqrt (batch 4"), run.out());
        assertTrue(run.out().contains("peak ledger (MiB, exact)"));
        assertTrue(run.out().contains("step time (ms, wall clock)"));
        assertTrue(run.out().contains("peak measured (MiB) *"), run.out());
        assertTrue(run.out().contains("so a lower bound"), "measured peaks are labelled lower bounds: " + run.out());
        assertTrue(run.out().contains("plan (predicted before the run): peak of saved activations"), run.out());
        assertTrue(run.out().contains("b4_add"));
        // Which nodes end up kept depends on measured native bytes, which are noisy at this tiny size.
        assertTrue(run.out().contains("treatment"), run.out());
        assertTrue(run.out().contains("checkpoint") || run.out().contains("stored"), run.out());
    }

    @Test
    void badPolicyIsOneLineAndExitTwo() throws Exception {
        CliRun run = CliRun.of("memory", project().toString(), "--checkpoint", "revolve:x");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("bad checkpoint policy 'revolve:x'"), run.err());
        assertFalse(run.err().contains("Exception"));
    }

    @Test
    void unreachableBudgetIsBadInput() throws Exception {
        CliRun run = CliRun.of("memory", project().toString(), "--checkpoint", "budget:1", "--steps", "1");
        // Everything fits in one MiB here, so the budget is reachable: a plan with no recomputation.
        assertEquals(0, run.exitCode(), run.err());
        CliRun none = CliRun.of("memory", "--template", "no-such-template");
        assertEquals(2, none.exitCode());
    }

    @Test
    void paretoPredictsEveryPolicyAndMarksTheFrontier() throws Exception {
        CliRun run = CliRun.of("memory", project().toString(), "--pareto", "--steps", "3", "--batch", "64", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        long noneStep = root.get("noneStepNanos").asLong();
        assertTrue(noneStep > 0 && root.get("noneForwardNanos").asLong() < noneStep, run.out());
        JsonNode points = root.get("points");
        assertTrue(points.size() > 5, run.out());
        java.util.Set<String> families = new java.util.HashSet<>();
        long previousPeak = -1;
        for (JsonNode p : points) {
            String policy = p.get("policy").asText();
            families.add(policy.replaceAll(":.*", ""));
            long peak = p.get("predictedPeakBytes").asLong();
            assertTrue(peak >= previousPeak, "sorted by predicted peak: " + policy);
            previousPeak = peak;
            assertTrue(p.get("predictedStepNanos").asLong() >= noneStep, policy);
            assertEquals(p.get("predictedStepNanos").asDouble() / noneStep, p.get("predictedTimeRatio").asDouble(), 1e-9);
            boolean dominated = false;
            for (JsonNode q : points) {
                long qPeak = q.get("predictedPeakBytes").asLong();
                long qStep = q.get("predictedStepNanos").asLong();
                long pStep = p.get("predictedStepNanos").asLong();
                dominated |= qPeak <= peak && qStep <= pStep && (qPeak < peak || qStep < pStep);
            }
            assertEquals(!dominated, p.get("onFrontier").asBoolean(), policy);
            if (policy.equals("none")) {
                assertEquals(0, p.get("recomputations").asInt());
                assertEquals(noneStep, p.get("predictedStepNanos").asLong());
            }
        }
        // Every budget is a whole MiB, so on a model this small each one repeats a plan already listed.
        assertTrue(families.containsAll(java.util.Set.of("none", "sqrt", "every-k", "revolve")), families.toString());
    }

    @Test
    void paretoTextIsATableWithTheFrontierStarred() throws Exception {
        CliRun run = CliRun.of("memory", project().toString(), "--pareto", "--steps", "1", "--batch", "8");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("checkpoint trade-off of " + dir.resolve("small.tlm") + " (batch 8)"), run.out());
        assertTrue(run.out().contains("policy             peak (MiB)    step (ms)   x none  recomputes  frontier"),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("none ") && l.endsWith("*")), run.out());
    }
}
