package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.testing.TestPython;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tensorloom python setup|status} and the Python lines of {@code info}, against the tests' shared venv. */
class PythonCommandTest {
    @TempDir
    Path dir;

    @Test
    void statusNamesTheInterpreterWhyAndItsVersions() {
        Path python = TestPython.interpreter();
        CliRun run = CliRun.of("python", "status", "--python", python.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("interpreter:    " + python + "\nchosen because: given with --python\n"),
                run.out());
        assertTrue(run.out().contains("\ntorch:          2.13.0"), run.out());
        assertTrue(run.out().contains("\nsafetensors:    0.8.0\n"), run.out());
        assertTrue(run.out().contains("\nstatus:         ready"), run.out());
    }

    @Test
    void statusJsonListsEveryPinAndTorchsDevices() throws Exception {
        CliRun run = CliRun.of("python", "status", "--json", "--python", TestPython.venvDir().toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("satisfied").asBoolean());
        assertEquals("flag", json.get("source").asText());
        assertEquals("0.8.0", json.get("packages").get("safetensors").get("installed").asText());
        assertTrue(json.get("torch").get("version").asText().startsWith("2.13.0"));
        assertEquals(json.get("torch").get("cudaAvailable").asBoolean(), json.get("torch").get("gpus").size() > 0);
    }

    @Test
    void statusOfAMissingInterpreterIsExit2AndSaysWhatToDo() {
        CliRun run = CliRun.of("python", "status", "--python", dir.resolve("nowhere/bin/python").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("no Python interpreter at " + dir.resolve("nowhere/bin/python")), run.out());
        assertTrue(run.err().contains("'tensorloom python setup'"), run.err());
    }

    @Test
    void setupOfASatisfiedEnvironmentReturnsAtOnce() {
        TestPython.interpreter();
        CliRun run = CliRun.of("python", "setup", "--dir", TestPython.venvDir().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Python environment ready in "), run.out());
        assertFalse(run.err().contains("pip"), "no pip ran: " + run.err());
    }

    @Test
    void setupRefusesAFolderThatIsNotAVenv() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun run = CliRun.of("python", "setup", "--dir", dir.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith(dir + " exists and is not a Python venv"), run.err());
        assertTrue(run.err().contains("TENSORLOOM_PYTHON"), run.err());
        assertTrue(Files.exists(dir.resolve("notes.txt")));
    }

    @Test
    void setupWithAMissingBaseInterpreterIsExit2() {
        CliRun run = CliRun.of("python", "setup", "--dir", dir.resolve("venv").toString(), "--python",
                dir.resolve("no-python3").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("\nCould not run " + dir.resolve("no-python3") + " to create a venv."), run.err());
        assertFalse(Files.exists(dir.resolve("venv")));
        assertEquals(0, dir.toFile().list((d, n) -> n.startsWith(".venv.partial-")).length, "nothing half-made");
    }

    @Test
    void infoAddsThePythonItWouldUse() throws Exception {
        CliRun run = CliRun.of("info", "--json", "--python", TestPython.interpreter().toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode python = new ObjectMapper().readTree(run.out()).get("python");
        assertEquals(TestPython.interpreter().toString(), python.get("interpreter").asText());
        assertTrue(python.get("torch").get("version").asText().startsWith("2.13.0"));
        CliRun text = CliRun.of("info", "--python", TestPython.interpreter().toString());
        assertTrue(text.out().contains("\npython:             " + TestPython.interpreter() + " (given with --python)"),
                text.out());
        assertTrue(text.out().contains("\npython torch:       2.13.0"), text.out());
    }

    @Test
    void helpSaysWhatCudaDoes() {
        CliRun run = CliRun.of("python", "setup", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: tensorloom python setup"), run.out());
        assertTrue(run.out().contains("--cuda"), run.out());
        assertTrue(run.out().replaceAll("\\s+", " ").contains("Tensorloom names no package index"), run.out());
    }
}
