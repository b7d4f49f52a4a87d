package dev.tensorloom.execution.python;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code tensorloom python status}, {@code tensorloom info} and the studio's Preferences say about
 * the interpreter Tensorloom would run: which one and why, and a full probe of it compared with the pins.
 *
 * @param located where the interpreter came from
 * @param check   the full probe (imports included) against the pins; its info is null when the
 *                interpreter could not be run or none was found
 */
public record PythonReport(PythonLocator.Located located, EnvironmentCheck check) {

    /** Locates with the standard locator (the flag may be null) and probes fully (seconds: imports torch). */
    public static PythonReport of(Path flag) throws InterruptedException {
        return of(PythonLocator.standard(), flag, null);
    }

    /** Locates with {@code locator} and probes the interpreter fully. */
    public static PythonReport of(PythonLocator locator, Path flag, Path preference) throws InterruptedException {
        PythonLocator.Located located = locator.locate(flag, preference);
        return new PythonReport(located, probe(located));
    }

    /** Probes an interpreter that was already located. */
    public static EnvironmentCheck probe(PythonLocator.Located located) throws InterruptedException {
        if (located.interpreter() == null) {
            return EnvironmentCheck.unusable(null, "no Python interpreter found: " + located.reason());
        }
        PinnedRequirements pins = PinnedRequirements.bundled();
        try {
            return EnvironmentCheck.compare(PythonProbe.full(located.interpreter(), pins), pins);
        } catch (java.io.IOException e) {
            return EnvironmentCheck.unusable(located.interpreter(), e.getMessage());
        }
    }

    /** True when the interpreter has every pinned version and every key package imports. */
    public boolean satisfied() {
        return check.satisfied();
    }

    /** The report as aligned {@code label: value} lines. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        line(lines, "interpreter", located.interpreter() == null ? "none" : located.interpreter().toString());
        line(lines, "chosen because", located.reason());
        PythonInfo info = check.info();
        if (info != null) {
            line(lines, "python", info.pythonVersion());
            line(lines, "torch", torch(info));
            line(lines, "GPUs", gpus(info));
            for (String name : PinnedRequirements.KEY_PACKAGES.subList(1, PinnedRequirements.KEY_PACKAGES.size())) {
                line(lines, name, info.version(name).orElse("missing"));
            }
        }
        if (check.satisfied()) {
            line(lines, "status", "ready: every pinned version is installed and every key package imports");
        } else {
            line(lines, "status", "not ready:");
            check.problems().forEach(p -> lines.add("  - " + p));
        }
        return lines;
    }

    /** {@code 2.13.0+cpu (CPU build)} or {@code 2.13.0+cu128 (CUDA 12.8, available)}. */
    public static String torch(PythonInfo info) {
        PythonInfo.Torch t = info.torch();
        if (t == null) {
            return info.version("torch").map(v -> v + " (does not import)").orElse("missing");
        }
        if (t.cudaVersion() == null) {
            return t.version() + " (CPU build; no CUDA)";
        }
        return t.version() + " (CUDA " + t.cudaVersion() + " build; CUDA " + (t.cudaAvailable() ? "available"
                : "not available: no GPU or driver visible") + ")";
    }

    /** The GPUs torch sees with their total memory as torch reports it, or {@code none}. */
    public static String gpus(PythonInfo info) {
        if (info.torch() == null || info.torch().gpus().isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (PythonInfo.Gpu g : info.torch().gpus()) {
            names.add(String.format(Locale.ROOT, "%s (%.1f GiB)", g.name(), g.totalMemoryBytes() / (double) (1L << 30)));
        }
        return String.join(", ", names);
    }

    private static void line(List<String> lines, String label, String value) {
        lines.add(String.format(Locale.ROOT, "%-15s %s", label + ":", value));
    }
}
