package dev.tensorloom.execution.python;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether an interpreter satisfies the pinned requirements, and if not, why, one readable line per
 * problem ({@code torch 2.12.0 is installed, 2.13.0 is pinned}).
 *
 * @param interpreter the interpreter checked
 * @param info        what the probe found, or null when the interpreter could not be run
 * @param problems    empty when the interpreter satisfies every pin
 */
public record EnvironmentCheck(Path interpreter, PythonInfo info, List<String> problems) {
    public EnvironmentCheck {
        problems = List.copyOf(problems);
    }

    /** True when nothing is missing or wrong. */
    public boolean satisfied() {
        return problems.isEmpty();
    }

    /** Runs the fast probe (installed versions only) and compares. */
    public static EnvironmentCheck probe(Path interpreter, PinnedRequirements requirements)
            throws InterruptedException {
        try {
            return compare(PythonProbe.versions(interpreter, requirements), requirements);
        } catch (IOException e) {
            return unusable(interpreter, e.getMessage());
        }
    }

    /** Compares what a probe found with the pins; a full probe's import errors count as problems too. */
    public static EnvironmentCheck compare(PythonInfo info, PinnedRequirements requirements) {
        List<String> problems = new ArrayList<>();
        for (PinnedRequirements.Pin pin : requirements.pins()) {
            String installed = info.versions().get(pin.name());
            if (installed == null) {
                problems.add(pin.name() + " is missing (" + pin.version() + " is pinned)");
            } else if (!pin.acceptsInstalled(installed)) {
                problems.add(pin.name() + " " + installed + " is installed, " + pin.version() + " is pinned");
            }
        }
        for (Map.Entry<String, String> e : info.importErrors().entrySet()) {
            problems.add(e.getKey() + " does not import: " + e.getValue());
        }
        return new EnvironmentCheck(info.interpreter(), info, problems);
    }

    /** An interpreter that could not be run at all. */
    public static EnvironmentCheck unusable(Path interpreter, String why) {
        return new EnvironmentCheck(interpreter, null, List.of(why));
    }

    /** This check with one more problem in front (a managed environment whose setup did not finish). */
    EnvironmentCheck withProblem(String problem) {
        List<String> all = new ArrayList<>();
        all.add(problem);
        all.addAll(problems);
        return new EnvironmentCheck(interpreter, info, all);
    }
}
