package dev.tensorloom.execution.python;

import java.nio.file.Path;
import java.util.Locale;

/** Where things are in and beside a venv folder: its interpreter, the marker of a finished setup, the lock. */
record VenvLayout(Path dir) {
    /** Written last into a finished managed environment; an interrupted setup leaves none. */
    static final String MARKER = "tensorloom-environment.txt";
    /** The copy of the requirements pip installed from, kept in the venv for reference. */
    static final String REQUIREMENTS = "tensorloom-requirements.txt";

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");

    VenvLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    /** The folder of the venv's scripts. */
    Path scripts() {
        return dir.resolve(WINDOWS ? "Scripts" : "bin");
    }

    Path interpreter() {
        return scripts().resolve(WINDOWS ? "python.exe" : "python");
    }

    Path marker() {
        return dir.resolve(MARKER);
    }

    Path requirements() {
        return dir.resolve(REQUIREMENTS);
    }

    /** The lock file beside the venv, shared by every JVM that sets it up. */
    Path lockFile() {
        return dir.resolveSibling("." + dir.getFileName() + ".lock");
    }

    /** The prefix of temporary sibling folders that a setup builds in before renaming. */
    String partialPrefix() {
        return "." + dir.getFileName() + ".partial-";
    }

    /** The prefix of a replaced venv's folder while it is being deleted. */
    String retiredPrefix() {
        return "." + dir.getFileName() + ".old-";
    }
}
