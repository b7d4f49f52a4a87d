package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
    @ParameterizedTest
    @CsvSource({"10, 2, 20", "10, 3, 15", "16, 4, 27", "100, 10, 222"})
    void jsonGivesTheOptimalAdvancesOfTheReferenceExamples(int chain, int slots, long advances) throws Exception {
        CliRun run = CliRun.of("plan", "--chain", "" + chain, "--slots", "" + slots, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(advances, json.get("advances").asLong());
        assertTrue(json.get("peakSlots").asInt() <= slots);
        assertFalse(json.has("actions"));
    }

    @Test
    void actionsAreListedOnRequest() throws Exception {
        CliRun run = CliRun.of("plan", "--chain", "5", "--slots", "2", "--json", "--actions");
        JsonNode actions = new ObjectMapper().readTree(run.out()).get("actions");
        assertEquals("TAKE_SNAPSHOT", actions.get(0).get("kind").asText());
        long reverses = 0;
        for (JsonNode a : actions) {
            reverses += a.get("kind").asText().endsWith("REVERSE") ? 1 : 0;
        }
        assertEquals(5, reverses);
    }

    @Test
    void badNumbersGiveExitTwoWithOneLine() {
        CliRun run = CliRun.of("plan", "--chain", "0", "--slots", "2");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--chain"));
        CliRun missing = CliRun.of("plan", "--chain", "4");
        assertEquals(2, missing.exitCode());
        assertFalse(missing.err().contains("Exception"));
    }
}
