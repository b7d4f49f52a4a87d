package dev.tensorloom.execution.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.testing.TestPython;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tests' shared venv is the pinned environment, and the probe reads it right. */
class TestVenvTest {
    @Test
    void theSharedVenvSatisfiesThePinsAndImportsEveryKeyPackage() throws Exception {
        Path python = TestPython.interpreter();
        assertEquals(ManagedPython.interpreterOf(TestPython.venvDir()), python);
        PythonInfo info = PythonProbe.full(python, PinnedRequirements.bundled());
        assertEquals(Map.of(), info.importErrors());
        EnvironmentCheck check = EnvironmentCheck.compare(info, PinnedRequirements.bundled());
        assertEquals(List.of(), check.problems());
        assertTrue(info.pythonVersion().matches("3\\.\\d+\\.\\d+"), info.pythonVersion());
        assertTrue(info.torch().version().startsWith("2.13.0"), info.torch().version());
        assertEquals(info.torch().cudaAvailable(), !info.torch().gpus().isEmpty());
        assertTrue(ManagedPython.at(TestPython.venvDir()).check().satisfied());
    }

    @Test
    void anInterpreterThatDoesNotExistIsReportedNotThrown() throws Exception {
        EnvironmentCheck check = EnvironmentCheck.probe(Path.of("/nonexistent/bin/python"), PinnedRequirements.bundled());
        assertEquals(List.of("no Python interpreter at /nonexistent/bin/python"), check.problems());
    }
}
