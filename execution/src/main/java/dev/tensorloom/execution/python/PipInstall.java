package dev.tensorloom.execution.python;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code python -m pip install -r requirements.txt} with pip's own configuration (index, proxy,
 * certificates come from the user's pip.conf and PIP_* variables; no index is named here), streams its
 * output and turns a failure into a {@link PythonSetupException} naming the package.
 */
final class PipInstall {
    /** Generous: a CUDA build of torch is about 2 GB on a slow line. */
    private static final long TIMEOUT_S = 3 * 3600;
    /** pip's defaults are 5 retries and a 15 s timeout; fewer retries fail faster on an unreachable index. */
    private static final List<String> NETWORK_FLAGS = List.of("--retries", "2", "--timeout", "30");
    private static final Pattern FAILED_PACKAGE = Pattern.compile(
            "(?:satisfies the requirement|matching distribution found for|Failed to build) ([A-Za-z0-9][A-Za-z0-9._-]*)");

    private PipInstall() {
    }

    /** Installs the requirements file into the venv of {@code python}; extra arguments go after {@code install}. */
    static void run(Path python, Path requirementsFile, List<String> extra, PipProgress progress)
            throws PythonSetupException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(python.toString(), "-m", "pip", "install",
                "--disable-pip-version-check", "--no-input"));
        command.addAll(NETWORK_FLAGS);
        command.addAll(extra);
        command.addAll(List.of("-r", requirementsFile.toString()));
        ChildProcess.Result result;
        try {
            result = ChildProcess.run(command, TIMEOUT_S, progress::line);
        } catch (IOException e) {
            throw new PythonSetupException("Could not run pip with " + python, null, e.getMessage());
        }
        if (result.exitCode() != 0) {
            throw failure(result.tail());
        }
    }

    /** The exception for pip's failing output: the package it names and its ERROR lines. */
    static PythonSetupException failure(List<String> tail) {
        String pkg = null;
        StringBuilder errors = new StringBuilder();
        for (String line : tail) {
            if (line.startsWith("ERROR:") || line.contains("error:")) {
                errors.append(errors.length() == 0 ? "" : "\n").append("pip: ").append(line.strip());
                Matcher m = FAILED_PACKAGE.matcher(line);
                if (pkg == null && m.find()) {
                    pkg = m.group(1).replaceFirst("[=<>!~].*", "");
                }
            }
        }
        String detail = errors.length() > 0 ? errors.toString() : "pip: " + String.join("\npip: ", tail);
        String what = pkg != null ? "Could not install " + pkg + " into Tensorloom's Python environment."
                : "pip failed to install Tensorloom's Python requirements.";
        return new PythonSetupException(what, pkg, detail);
    }
}
