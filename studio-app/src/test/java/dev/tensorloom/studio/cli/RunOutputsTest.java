package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.report.RunEnding;
import dev.tensorloom.execution.report.RunFacts;
import dev.tensorloom.execution.report.RunRecord;
import dev.tensorloom.execution.resume.RunIdentity;
import dev.tensorloom.execution.session.StepMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a run never loses its results: a write that fails goes to a rescue folder, and says where. */
class RunOutputsTest {
    @TempDir
    Path dir;

    @Test
    void metricsThatCannotBeWrittenWhereAskedGoToARescueFolder() throws Exception {
        // The folder vanished during the run (checked at the start, gone at the end).
        Path wanted = dir.resolve("gone/metrics.json");
        StringWriter err = new StringWriter();
        RunFacts facts = new RunFacts("p.tlm", "cpu()", 8, "none", 42, 1, 3, 0);
        RunOutputs outputs = new RunOutputs(wanted, null, facts, new RunIdentity("g", Map.of()), null,
                new PrintWriter(err, true));
        RunRecord record = new RunRecord();
        record.onStep(new StepMetrics(1, 0.5, 0.01, 100));
        record.onStep(new StepMetrics(2, 0.25, 0.01, 100));
        boolean written;
        try (ParameterStore store = new ParameterStore(Device.cpu(), 1)) {
            written = outputs.finish(RunEnding.interrupted("signal", "stopped"), record, null, null, store);
        }
        assertFalse(written, "the command must say something went wrong");
        Matcher m = Pattern.compile("could not write --metrics-out " + Pattern.quote(wanted.toString())
                + " \\(.*\\); it is in (\\S+) instead").matcher(err.toString());
        assertTrue(m.find(), err.toString());
        Path rescued = Path.of(m.group(1)).resolve(RunOutputs.METRICS_RESCUE_NAME);
        try {
            JsonNode json = new ObjectMapper().readTree(rescued.toFile());
            assertEquals(2, json.get("loss").size());
            assertTrue(json.get("interrupted").asBoolean());
        } finally {
            Files.deleteIfExists(rescued);
            Files.deleteIfExists(rescued.getParent());
        }
    }
}
