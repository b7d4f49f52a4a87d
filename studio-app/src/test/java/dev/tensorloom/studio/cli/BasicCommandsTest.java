package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BasicCommandsTest {
    @Test
    void templatesListsIdsWithTitles() throws Exception {
        CliRun run = CliRun.of("templates");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("deep-chain"));
        JsonNode json = new ObjectMapper().readTree(CliRun.of("templates", "--json").out());
        assertTrue(json.isArray() && json.size() >= 2);
        assertTrue(json.get(0).has("title"));
    }

    @Test
    void infoReportsTheEngineAndTheMemoryMeasurement() throws Exception {
        CliRun run = CliRun.of("info", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("PyTorch", json.get("engine").asText());
        assertEquals("2.7.1", json.get("engineVersion").asText());
        assertTrue(json.get("devices").size() >= 1);
        JsonNode cpu = json.get("memory").get(0);
        assertEquals("cpu()", cpu.get("device").asText());
        // this build machine runs glibc 2.33+ (mallinfo2), so CPU memory is measured; a GPU never is here
        assertEquals("measured", cpu.get("basis").asText());
        assertTrue(cpu.get("source").asText().contains("mallinfo2"), cpu.toString());
        assertTrue(cpu.get("source").asText().contains("lower bounds"), cpu.toString());
        for (JsonNode basis : json.get("memory")) {
            if (basis.get("device").asText().startsWith("gpu")) {
                assertEquals("estimated", basis.get("basis").asText());
            }
        }
        CliRun text = CliRun.of("info");
        assertTrue(text.out().contains("cpu(): measured, native heap in use read by glibc mallinfo2()"), text.out());
    }

    @Test
    void unknownCommandIsBadInput() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("tensorloom:"), run.err());
    }

    @Test
    void everyCommandExplainsItsOptions() {
        for (String command : new String[] {"info", "templates", "validate", "train", "memory", "plan", "screenshot"}) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), command + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: tensorloom " + command), command + ": " + run.out());
            assertEquals(run.out(), CliRun.of("help", command).out(), "'help " + command + "' says the same");
        }
        assertTrue(CliRun.of("memory", "--help").out().contains("--checkpoint"));
    }

    @Test
    void aWrongOptionNamesTheHelpThatListsTheRight() {
        CliRun run = CliRun.of("train", "--frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals("tensorloom: Unknown option: '--frobnicate'%nTry 'tensorloom train --help' for the options.%n"
                .formatted(), run.err());
    }
}
