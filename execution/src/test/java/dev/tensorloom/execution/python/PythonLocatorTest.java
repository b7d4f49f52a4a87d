package dev.tensorloom.execution.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonLocatorTest {
    @TempDir
    Path dir;

    @Test
    void flagThenVariableThenPreferenceThenManagedThenPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path python3 = Files.createFile(bin.resolve("python3"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path managed = dir.resolve("venv");
        Map<String, String> env = Map.of("PATH", bin.toString(), PythonLocator.ENV_VARIABLE, "/opt/py/bin/python");

        PythonLocator locator = new PythonLocator(env, managed);
        assertEquals(new PythonLocator.Located(Path.of("/x/python"), PythonLocator.Source.FLAG, "given with --python"),
                locator.locate(Path.of("/x/python"), Path.of("/p/python")));
        assertEquals(Path.of("/opt/py/bin/python"), locator.locate(null, Path.of("/p/python")).interpreter());
        assertEquals(PythonLocator.Source.ENVIRONMENT, locator.locate(null, null).source());

        PythonLocator noVariable = new PythonLocator(Map.of("PATH", bin.toString()), managed);
        assertEquals(PythonLocator.Source.PREFERENCE, noVariable.locate(null, Path.of("/p/python")).source());
        PythonLocator.Located onPath = noVariable.locate(null, null);
        assertEquals(new PythonLocator.Located(python3, PythonLocator.Source.PATH, "python3 on the PATH (there is no "
                + "managed environment in " + managed + " yet; 'tensorloom python setup' creates it)"), onPath);

        Path managedPython = ManagedPython.interpreterOf(managed);
        Files.createDirectories(managedPython.getParent());
        Files.createFile(managedPython);
        PythonLocator.Located m = noVariable.locate(null, null);
        assertEquals(PythonLocator.Source.MANAGED, m.source());
        assertEquals(managedPython, m.interpreter());
        assertTrue(m.managed());

        assertEquals(managedPython, noVariable.locate(managed, null).interpreter(), "a venv folder means its python");
    }

    @Test
    void nothingFoundSaysWhereItLooked() {
        PythonLocator.Located none = new PythonLocator(Map.of("PATH", dir.toString()), dir.resolve("venv")).locate(null, null);
        assertEquals(PythonLocator.Source.NONE, none.source());
        assertNull(none.interpreter());
        assertTrue(none.reason().contains(dir.resolve("venv").toString()), none.reason());
    }
}
