package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.python.PinnedRequirements;
import dev.tensorloom.execution.python.PythonInfo;
import dev.tensorloom.execution.python.PythonLocator;
import dev.tensorloom.execution.python.PythonProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the Python a command needs (--python, TENSORLOOM_PYTHON, the managed environment, python3 on the
 * PATH) and checks that it has the packages; a missing Python or package is the user's to fix, so it
 * fails with a message that says what to do.
 */
final class PythonForExport {
    private PythonForExport() {
    }

    static Path require(Path flag, List<String> packages) throws IOException, InterruptedException {
        PythonLocator.Located located = PythonLocator.standard().locate(flag, null);
        if (located.interpreter() == null) {
            throw new IllegalArgumentException("no Python found: run 'tensorloom python setup' to make Tensorloom's "
                    + "own environment, or pass --python PATH (or set " + PythonLocator.ENV_VARIABLE + ")");
        }
        PythonInfo info;
        try {
            info = PythonProbe.versions(located.interpreter(), PinnedRequirements.bundled());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run Python at " + located.interpreter() + " ("
                    + located.reason() + "): " + e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            if (info.version(p).isEmpty()) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Python at " + located.interpreter() + " (" + located.reason()
                    + ") lacks " + String.join(", ", missing) + ": run 'tensorloom python setup', or install them "
                    + "there (pip install " + String.join(" ", missing) + ")");
        }
        return located.interpreter();
    }
}
